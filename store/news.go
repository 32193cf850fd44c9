package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

const newsSelect = `SELECT id, title, body, news_date, published, created_by, updated_at, version FROM news`

func scanNews(s interface{ Scan(...any) error }) (qianxiang.NewsItem, error) {
	var n qianxiang.NewsItem
	var date, updated string
	var pub int
	err := s.Scan(&n.ID, &n.Title, &n.Body, &date, &pub, &n.CreatedBy, &updated, &n.Version)
	n.Date, _ = qianxiang.ParseDate(date)
	n.Published, n.UpdatedAt = pub == 1, parseTS(updated)
	return n, err
}

// News lists news items, newest first (by date, then as written);
// publishedOnly keeps those the public may read; limit 0 is all.
func (c conn) News(ctx context.Context, publishedOnly bool, limit int) ([]qianxiang.NewsItem, error) {
	q, args := newsSelect, []any{}
	if publishedOnly {
		q += ` WHERE published = 1`
	}
	q += ` ORDER BY news_date DESC, id DESC`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.NewsItem{}
	for rows.Next() {
		n, err := scanNews(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// NewsItem reads one news item.
func (c conn) NewsItem(ctx context.Context, id int64) (qianxiang.NewsItem, error) {
	n, err := scanNews(c.queryRow(ctx, newsSelect+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, qianxiang.ErrNotFound("news item")
	}
	return n, err
}

// InsertNews adds a news item and sets its ID.
func (tx *Tx) InsertNews(ctx context.Context, n *qianxiang.NewsItem) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO news (title, body, news_date, published, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		n.Title, n.Body, n.Date.String(), b2i(n.Published), n.CreatedBy, now, now)
	n.ID, n.Version = id, 1
	return err
}

// UpdateNews writes a news item if its version is still the one read.
func (tx *Tx) UpdateNews(ctx context.Context, n *qianxiang.NewsItem) error {
	res, err := tx.exec(ctx, `UPDATE news SET title = ?, body = ?, news_date = ?, published = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND version = ?`, n.Title, n.Body, n.Date.String(), b2i(n.Published), ts(tx.now()), n.ID, n.Version)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the news item was changed by someone else; reload it and try again")
	}
	n.Version++
	return nil
}
