package store

// FiguresTopic is the live-update topic of a committed change to what the
// cockpit and the dispatch pages show: a project, a report, a problem or a
// target. A big screen subscribed to it fetches itself again.
const FiguresTopic = "figures"

// figureTables are the tables whose audited changes move the figures.
var figureTables = map[string]bool{"projects": true, "reports": true, "problems": true, "targets": true}

// changesFigures reports whether the transaction audited a change of the
// figures (every change of record is audited, so the pending entries say
// what changed).
func (tx *Tx) changesFigures() bool {
	for _, it := range tx.pending {
		if figureTables[it.Table] {
			return true
		}
	}
	return false
}
