package app

import (
	"context"

	"qianxiang"
	"qianxiang/store"
)

// News (宣传) is written by the campaign office and read by anyone once
// published: PublicNews needs no login and returns published items only.

// NewsInput is a news item as the form and the API send it.
type NewsInput struct {
	Title     string `json:"title"`
	Body      string `json:"body"`
	Date      string `json:"date"` // YYYY-MM-DD; today when blank
	Published bool   `json:"published"`
	Version   int    `json:"version"` // for an edit: the version read
}

func mayWriteNews(actor qianxiang.Actor) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	return nil
}

func (a *App) newsFrom(in NewsInput) (qianxiang.NewsItem, error) {
	n := qianxiang.NewsItem{Title: in.Title, Body: in.Body, Published: in.Published, Version: in.Version}
	if in.Date == "" {
		n.Date = a.Today()
	} else {
		d, err := qianxiang.ParseDate(in.Date)
		if err != nil || d.MonthOnly() {
			return n, qianxiang.FieldError("news.date", "%q is not a date (YYYY-MM-DD)", in.Date)
		}
		n.Date = d
	}
	return n, n.Validate()
}

// CreateNews adds a news item (campaign office), audited.
func (a *App) CreateNews(ctx context.Context, actor qianxiang.Actor, in NewsInput) (qianxiang.NewsItem, error) {
	if err := mayWriteNews(actor); err != nil {
		return qianxiang.NewsItem{}, err
	}
	n, err := a.newsFrom(in)
	if err != nil {
		return n, err
	}
	n.CreatedBy = actor.Username
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertNews(ctx, &n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "news", n.ID, n.Title, "")
	})
	return n, a.internal(ctx, "create news", err)
}

// UpdateNews edits a news item at the version read (AnyVersion: as it is),
// publishing or withdrawing it; audited.
func (a *App) UpdateNews(ctx context.Context, actor qianxiang.Actor, id int64, in NewsInput) (qianxiang.NewsItem, error) {
	if err := mayWriteNews(actor); err != nil {
		return qianxiang.NewsItem{}, err
	}
	n, err := a.newsFrom(in)
	if err != nil {
		return n, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		old, err := tx.NewsItem(ctx, id)
		if err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "news", id)
		if err != nil {
			return err
		}
		n.ID, n.CreatedBy = id, old.CreatedBy
		if in.Version == 0 || in.Version == AnyVersion {
			n.Version = old.Version
		}
		if err := tx.UpdateNews(ctx, &n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "news", id, n.Title, before)
	})
	return n, a.internal(ctx, "update news", err)
}

// News lists every news item, drafts included, for the office.
func (a *App) News(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.NewsItem, error) {
	if err := mayWriteNews(actor); err != nil {
		return nil, err
	}
	ns, err := a.DB.News(ctx, false, 0)
	return ns, a.internal(ctx, "news", err)
}

// NewsItem reads one news item for the office.
func (a *App) NewsItem(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.NewsItem, error) {
	if err := mayWriteNews(actor); err != nil {
		return qianxiang.NewsItem{}, err
	}
	n, err := a.DB.NewsItem(ctx, id)
	return n, a.internal(ctx, "news item", err)
}

// PublicNews is the published news, newest first, at most limit items.
func (a *App) PublicNews(ctx context.Context, limit int) ([]qianxiang.NewsItem, error) {
	if limit <= 0 || limit > 100 {
		return nil, qianxiang.FieldError("limit", "must be between 1 and 100")
	}
	ns, err := a.DB.News(ctx, true, limit)
	return ns, a.internal(ctx, "public news", err)
}
