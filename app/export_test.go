package app

import (
	"context"

	"qianxiang"
)

// DispatchUncached computes a scope's dispatch as a cache miss does, for
// the benchmarks that compare its work with the bare query.
func (a *App) DispatchUncached(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, err
	}
	return a.computeDispatch(ctx, v, year, month, scopePath)
}
