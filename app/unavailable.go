package app

import (
	"qianxiang"
	"qianxiang/store"
)

// Unavailable turns an error of a database that cannot serve for now
// (PostgreSQL restarting, a full disk, a read-only file) into a 503 that
// says what is wrong; nil for any other error. Nothing was written: the
// transaction that met it rolled back.
func (a *App) Unavailable(err error) *qianxiang.Error {
	if err == nil || qianxiang.AsError(err) != nil {
		return nil
	}
	why, ok := a.DB.Unavailable(err)
	if !ok {
		return nil
	}
	switch why {
	case store.DownFull:
		return qianxiang.Errorf(qianxiang.EUnavailable, "the database's disk is full: nothing was saved; the operator must free space, then try again")
	case store.DownReadOnly:
		return qianxiang.Errorf(qianxiang.EUnavailable, "the database is read-only: nothing was saved; the operator must make it writable again, then try again")
	}
	return qianxiang.Errorf(qianxiang.EUnavailable, "the database cannot be reached just now (it may be restarting): try again in a moment")
}
