package app

import (
	"context"
	"encoding/json"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

// Notify tells users something about a record (entity "problems",
// "orders", …) inside the caller's transaction, and queues the event for
// the outbound webhook when one is set. A non-empty dedupe key makes the
// notice land once per user however often it is sent, so scheduled work
// repeated on several servers does not repeat it. Other modules (orders)
// call this.
func (a *App) Notify(ctx context.Context, tx *store.Tx, userIDs []int64, kind qianxiang.NotificationKind, entity string, id int64, subject, dedupe string) error {
	_, err := a.notifyCount(ctx, tx, userIDs, kind, entity, id, subject, dedupe)
	return err
}

// notifyCount is Notify returning how many users were told now (not before,
// under the dedupe key), for scheduled work that counts what it did.
func (a *App) notifyCount(ctx context.Context, tx *store.Tx, userIDs []int64, kind qianxiang.NotificationKind, entity string, id int64, subject, dedupe string) (int, error) {
	link := fmt.Sprintf("/%s/%d", entity, id)
	var told []int64
	for _, uid := range userIDs {
		n := qianxiang.Notification{UserID: uid, Kind: kind, Entity: entity, EntityID: id, Subject: subject, Link: link}
		key := ""
		if dedupe != "" {
			key = fmt.Sprintf("%s:u%d", dedupe, uid)
		}
		ok, err := tx.InsertNotification(ctx, &n, key)
		if err != nil {
			return 0, err
		}
		if ok {
			told = append(told, uid)
		}
	}
	if len(told) == 0 {
		return 0, nil
	}
	_, url, _, err := tx.WebhookConfig(ctx)
	if err != nil || url == "" {
		return len(told), err
	}
	users := []string{}
	for _, uid := range told {
		if u, err := tx.UserByID(ctx, uid); err == nil {
			users = append(users, u.Username)
		}
	}
	payload, _ := json.Marshal(map[string]any{"event": kind, "entity": entity, "id": id, "subject": subject, "link": link,
		"users": users, "at": a.Now().UTC().Format("2006-01-02T15:04:05Z")})
	key := ""
	if dedupe != "" {
		key = string(kind) + ":" + dedupe
	}
	return len(told), tx.QueueDelivery(ctx, string(kind), string(payload), key)
}

// NotifyOrgs tells the administrators of organisations (those who answer
// for them).
func (a *App) NotifyOrgs(ctx context.Context, tx *store.Tx, orgIDs []int64, kind qianxiang.NotificationKind, entity string, id int64, subject, dedupe string) error {
	users, err := tx.OrgUserIDs(ctx, orgIDs, qianxiang.RoleOrgAdmin)
	if err != nil {
		return err
	}
	return a.Notify(ctx, tx, users, kind, entity, id, subject, dedupe)
}

// Notifications lists the caller's newest notifications and the unread count.
func (a *App) Notifications(ctx context.Context, actor qianxiang.Actor, limit int) ([]qianxiang.Notification, int, error) {
	if actor.UserID == 0 {
		return []qianxiang.Notification{}, 0, nil
	}
	ns, unread, err := a.DB.Notifications(ctx, actor.UserID, limit)
	return ns, unread, a.internal(ctx, "notifications", err)
}

// MarkNotificationsRead marks the caller's notifications read (ids, or all
// when none are given) and returns how many changed.
func (a *App) MarkNotificationsRead(ctx context.Context, actor qianxiang.Actor, ids []int64) (int64, error) {
	if actor.UserID == 0 {
		return 0, nil
	}
	var n int64
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.MarkRead(ctx, actor.UserID, ids, a.Now())
		return err
	})
	return n, a.internal(ctx, "notifications", err)
}

// NotificationsSeen marks the caller's notifications about a record read
// when they open it (the page calls this after reading it through the
// services, so the record is one they may see).
func (a *App) NotificationsSeen(ctx context.Context, actor qianxiang.Actor, entity string, id int64) error {
	if actor.UserID == 0 {
		return nil
	}
	return a.internal(ctx, "notifications", a.DB.Tx(ctx, func(tx *store.Tx) error {
		return tx.MarkEntityRead(ctx, actor.UserID, entity, id, a.Now())
	}))
}
