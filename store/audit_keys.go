package store

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"qianxiang"
)

// AuditKey is one secret of the key ring. The chain's entries, API tokens
// and sessions carry HMAC-SHA256 values made with it, so that someone who can
// write the database but cannot read this file cannot extend the chain or
// plant a credential.
type AuditKey struct {
	ID  string
	key []byte
}

// KeyRing is the audit key file: every key ever used, the newest last. New
// entries use the newest; an entry names the key it was made with, so old
// entries still verify after a rotation.
type KeyRing struct {
	Path string
	keys []AuditKey
}

const keyFileHeader = `# Qianxiang audit keys: one per line, "ID BASE64-KEY"; the last signs new entries.
# Keep this file outside the database and its backups, readable only by the server.
# Without it the audit trail cannot be verified and API tokens stop working.
`

// DefaultKeyFile is where the key lives when neither --audit-key nor
// QIANXIANG_AUDIT_KEY_FILE says: next to a SQLite file, and in the working
// directory for PostgreSQL (instances sharing one database must be given the
// same file).
func DefaultKeyFile(dsn string) string {
	if f := os.Getenv("QIANXIANG_AUDIT_KEY_FILE"); f != "" {
		return f
	}
	d, path, err := ParseDSN(dsn)
	if err == nil && d == SQLite {
		return path + ".auditkey"
	}
	return "qianxiang-audit.key"
}

// newKey makes a random 256-bit key; its id is derived from it, so ids from
// two installations never clash and the file cannot pair a key with a wrong id.
func newKey() AuditKey {
	k := make([]byte, 32)
	rand.Read(k)
	return AuditKey{ID: keyID(k), key: k}
}

func keyID(k []byte) string {
	sum := sha256.Sum256(append([]byte("qianxiang audit key id\x00"), k...))
	return hex.EncodeToString(sum[:6])
}

// LoadKeyRing reads a key file. It returns fs.ErrNotExist (wrapped) when
// there is none, so the caller decides whether one may be created.
func LoadKeyRing(path string) (*KeyRing, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	kr := &KeyRing{Path: path}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		var k []byte
		if len(f) == 2 {
			k, err = base64.StdEncoding.DecodeString(f[1])
		}
		if len(f) != 2 || err != nil || len(k) < 32 || keyID(k) != f[0] {
			return nil, qianxiang.Errorf(qianxiang.EInvalid, "audit key file %s: line %d is not \"ID BASE64-KEY\" of a key made by qianxiang", path, n)
		}
		kr.keys = append(kr.keys, AuditKey{ID: f[0], key: k})
	}
	if len(kr.keys) == 0 {
		return nil, qianxiang.Errorf(qianxiang.EInvalid, "audit key file %s holds no key", path)
	}
	return kr, nil
}

// CreateKeyRing writes a new key file with one key; it refuses to overwrite
// one. The file appears whole (written aside, then linked into place), so an
// instance starting at the same moment never reads half of it.
func CreateKeyRing(path string) (*KeyRing, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	k := newKey()
	f, err := os.CreateTemp(dir, ".auditkey-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = fmt.Fprintf(f, "%s%s %s\n", keyFileHeader, k.ID, base64.StdEncoding.EncodeToString(k.key))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(f.Name(), path)
	}
	if err != nil {
		return nil, err
	}
	return &KeyRing{Path: path, keys: []AuditKey{k}}, nil
}

// Rotate appends a new key to the file; it signs everything written from
// now on (by this process, and by others once they restart with the file).
func (kr *KeyRing) Rotate() (AuditKey, error) {
	k := newKey()
	f, err := os.OpenFile(kr.Path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return k, err
	}
	_, err = fmt.Fprintf(f, "%s %s\n", k.ID, base64.StdEncoding.EncodeToString(k.key))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return k, err
	}
	kr.keys = append(kr.keys, k)
	return k, nil
}

// Current is the key new entries are made with.
func (kr *KeyRing) Current() AuditKey { return kr.keys[len(kr.keys)-1] }

// Has reports a key id of the ring.
func (kr *KeyRing) Has(id string) bool {
	_, ok := kr.byID(id)
	return ok
}

func (kr *KeyRing) byID(id string) (AuditKey, bool) {
	for _, k := range kr.keys {
		if k.ID == id {
			return k, true
		}
	}
	return AuditKey{}, false
}

// errUnknownKey: a value names a key the file does not hold.
var errUnknownKey = errors.New("unknown audit key")

// MAC is HMAC-SHA256 under the key of that id over the parts, each
// length-prefixed so no two lists of parts give the same input.
func (kr *KeyRing) MAC(id, domain string, parts ...string) (string, error) {
	k, ok := kr.byID(id)
	if !ok {
		return "", errUnknownKey
	}
	return macWith(k.key, domain, parts...), nil
}

func macWith(key []byte, domain string, parts ...string) string {
	h := hmac.New(sha256.New, key)
	var n [binary.MaxVarintLen64]byte
	for _, s := range append([]string{domain}, parts...) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Check compares a stored "ID:HEX" value with the MAC it should be.
func (kr *KeyRing) Check(stored, domain string, parts ...string) bool {
	id, mac, ok := strings.Cut(stored, ":")
	if !ok {
		return false
	}
	want, err := kr.MAC(id, domain, parts...)
	return err == nil && hmac.Equal([]byte(want), []byte(mac))
}

// Sign gives "ID:HEX" under the current key.
func (kr *KeyRing) Sign(domain string, parts ...string) string {
	k := kr.Current()
	return k.ID + ":" + macWith(k.key, domain, parts...)
}

// keyFileMissing says whether err means the file is not there.
func keyFileMissing(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Credentials carry a MAC over what they grant: the token's (or session's)
// hash, its user and that user's role. A row planted with SQL has none that
// checks, and a user whose role is raised with SQL loses their credentials
// instead of gaining the role's power.
const (
	tokenDomain   = "qianxiang api token v1"
	sessionDomain = "qianxiang session v1"
)

func (kr *KeyRing) tokenMAC(hash string, userID int64, role string) string {
	return kr.Sign(tokenDomain, hash, strconv.FormatInt(userID, 10), role)
}

func (kr *KeyRing) sessionMAC(id string, userID int64, role string) string {
	return kr.Sign(sessionDomain, id, strconv.FormatInt(userID, 10), role)
}

// TokenGenuine says whether a token row's MAC is one the application made
// for this user with this role.
func (kr *KeyRing) TokenGenuine(mac, hash string, userID int64, role string) bool {
	return kr != nil && kr.Check(mac, tokenDomain, hash, strconv.FormatInt(userID, 10), role)
}

// SessionGenuine is TokenGenuine for a session row.
func (kr *KeyRing) SessionGenuine(mac, id string, userID int64, role string) bool {
	return kr != nil && kr.Check(mac, sessionDomain, id, strconv.FormatInt(userID, 10), role)
}
