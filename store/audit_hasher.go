package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"strconv"
	"unsafe"

	"qianxiang"
)

// entryHasher makes keyedHash's HMACs for many entries under one key with
// one hasher, reset between entries, and writes the fields without copying
// them: an import chains some 100,000 entries of two snapshots each, and a
// new HMAC (two SHA-256 states), a slice of fields and a copy of every
// snapshot per entry were a good part of the commit. Its values are
// macWith's, byte for byte (TestEntryHasherIsKeyedHash).
type entryHasher struct {
	kid string
	h   hash.Hash
	n   [binary.MaxVarintLen64]byte
	num []byte
	sum []byte
}

func newEntryHasher(kr *KeyRing, kid string) (*entryHasher, error) {
	k, ok := kr.byID(kid)
	if !ok {
		return nil, errUnknownKey
	}
	return &entryHasher{kid: kid, h: hmac.New(sha256.New, k.key)}, nil
}

// part writes one length-prefixed field, as macWith does.
func (eh *entryHasher) part(s string) {
	eh.h.Write(eh.n[:binary.PutUvarint(eh.n[:], uint64(len(s)))])
	if len(s) > 0 {
		// The hash reads the bytes and keeps none of them.
		eh.h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
}

func (eh *entryHasher) partInt(v int64) {
	eh.num = strconv.AppendInt(eh.num[:0], v, 10)
	eh.h.Write(eh.n[:binary.PutUvarint(eh.n[:], uint64(len(eh.num)))])
	eh.h.Write(eh.num)
}

// mac is keyedHash of e (whose Kid must be the hasher's key); at is ts(e.At),
// which the caller formats once for a whole batch.
func (eh *entryHasher) mac(e *qianxiang.AuditEntry, at string) string {
	eh.h.Reset()
	eh.part(entryDomain)
	eh.part(e.PrevHash)
	eh.partInt(e.ID)
	eh.part(at)
	eh.part(e.Actor)
	eh.part(e.Action)
	eh.part(e.Entity)
	eh.partInt(e.EntityID)
	eh.part(e.Label)
	eh.part(e.Before)
	eh.part(e.After)
	eh.part(e.Kid)
	eh.sum = eh.h.Sum(eh.sum[:0])
	return hex.EncodeToString(eh.sum)
}
