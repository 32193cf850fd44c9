package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// Webhook reads the outbound webhook for the campaign office; the secret
// is not given back, only whether one is set.
func (a *App) Webhook(ctx context.Context, actor qianxiang.Actor) (qianxiang.Webhook, bool, error) {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.Webhook{}, false, qianxiang.ErrForbidden()
	}
	_, url, secret, err := a.DB.WebhookConfig(ctx)
	return qianxiang.Webhook{URL: url}, secret != "", a.internal(ctx, "webhook", err)
}

// SetWebhook sets (or, with an empty URL, removes) the outbound webhook.
// An empty secret keeps the one already set.
func (a *App) SetWebhook(ctx context.Context, actor qianxiang.Actor, w qianxiang.Webhook) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if w.Secret == "" && w.URL != "" {
			_, _, old, err := tx.WebhookConfig(ctx)
			if err != nil {
				return err
			}
			w.Secret = old
		}
		if err := w.Validate(); err != nil {
			return err
		}
		if w.URL == "" {
			w.Secret = ""
		}
		id, before, err := tx.PutWebhookConfig(ctx, w.URL, w.Secret)
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "webhook_config", id, w.URL, before)
	})
	return a.internal(ctx, "webhook", err)
}

// WebhookAttempts is the delivery log, newest first.
func (a *App) WebhookAttempts(ctx context.Context, actor qianxiang.Actor, limit int) ([]qianxiang.Attempt, error) {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	at, err := a.DB.Attempts(ctx, limit)
	return at, a.internal(ctx, "webhook", err)
}

// DeliverWebhooks sends the deliveries that are due, each claimed by this
// server alone; a failure is retried with backoff up to
// WebhookMaxAttempts, and every attempt is logged.
func (a *App) DeliverWebhooks(ctx context.Context) (int, error) {
	_, url, secret, err := a.DB.WebhookConfig(ctx)
	if err != nil || url == "" {
		return 0, a.internal(ctx, "webhook", err)
	}
	ds, err := a.DB.ClaimDeliveries(ctx, a.Instance, time.Minute, 50)
	if err != nil {
		return 0, a.internal(ctx, "webhook", err)
	}
	hook := qianxiang.Webhook{URL: url, Secret: secret}
	for _, d := range ds {
		at := qianxiang.Attempt{DeliveryID: d.ID, At: a.Now(), URL: url, Server: a.Instance}
		start := time.Now()
		at.StatusCode, at.Error = a.post(ctx, hook, d)
		at.Millis = time.Since(start).Milliseconds()
		status, next := "delivered", a.Now()
		if at.Error != "" {
			status, next = "pending", a.Now().Add(qianxiang.WebhookBackoff(d.Attempts+1))
			if d.Attempts+1 >= qianxiang.WebhookMaxAttempts {
				status = "failed"
			}
		}
		if err := a.DB.FinishAttempt(context.WithoutCancel(ctx), at, status, next); err != nil {
			return len(ds), a.internal(ctx, "webhook", err)
		}
	}
	return len(ds), nil
}

// post sends one delivery; a non-2xx answer is a failure.
func (a *App) post(ctx context.Context, hook qianxiang.Webhook, d qianxiang.Delivery) (int, string) {
	body := []byte(d.Payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "qianxiang-webhook")
	req.Header.Set("X-Qianxiang-Event", d.Event)
	req.Header.Set("X-Qianxiang-Delivery", strconv.FormatInt(d.ID, 10))
	req.Header.Set(qianxiang.SignatureHeader, hook.Sign(body))
	res, err := a.HTTP.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, fmt.Sprintf("HTTP %d", res.StatusCode)
	}
	return res.StatusCode, ""
}
