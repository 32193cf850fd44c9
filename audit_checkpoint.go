package qianxiang

import (
	"encoding/json"
	"io"
	"sort"
	"strconv"
)

// Checkpoint is a signed statement of the audit chain's head at a moment,
// exported for the office to keep away from the server. Verification holds
// the database against it: the chain must still reach its entry with the
// same hash, so history before it can be neither cut nor rewritten, even by
// someone who can write the database (and, since the office's copy is out of
// reach, even by someone who later obtains the key).
//
// It is signed with HMAC-SHA256 under the audit key rather than ed25519:
// whoever verifies the chain needs the HMAC key anyway, so a public key
// would let nobody check more; one secret is kept and rotated instead of
// two; and the checkpoint's strength is the copy kept elsewhere, not who
// can read its signature.
type Checkpoint struct {
	Format  string           `json:"format"`
	Version int              `json:"version"`
	Seq     int64            `json:"seq"`
	Hash    string           `json:"hash"`
	At      string           `json:"at"`
	Dialect string           `json:"dialect"`
	Counts  map[string]int64 `json:"counts"`
	Sig     string           `json:"signature"`
}

// CheckpointFormat names the checkpoint file's format.
const CheckpointFormat = "qianxiang-audit-checkpoint"

// SignedParts are what the signature covers, in order.
func (cp *Checkpoint) SignedParts() []string {
	p := []string{cp.Format, strconv.Itoa(cp.Version), strconv.FormatInt(cp.Seq, 10), cp.Hash, cp.At, cp.Dialect}
	keys := make([]string, 0, len(cp.Counts))
	for k := range cp.Counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p = append(p, k+"="+strconv.FormatInt(cp.Counts[k], 10))
	}
	return p
}

// ReadCheckpoint parses a checkpoint file.
func ReadCheckpoint(r io.Reader) (Checkpoint, error) {
	var cp Checkpoint
	dec := json.NewDecoder(io.LimitReader(r, 1<<20))
	if err := dec.Decode(&cp); err != nil || cp.Format != CheckpointFormat {
		return cp, Errorf(EInvalid, "not a Qianxiang audit checkpoint")
	}
	if cp.Version != 1 {
		return cp, Errorf(EInvalid, "audit checkpoint version %d is newer than this program understands", cp.Version)
	}
	return cp, nil
}
