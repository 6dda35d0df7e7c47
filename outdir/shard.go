package outdir

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Shard selects a deterministic 1/N of the outputs: those whose path hashes to K-1 modulo N.
// Each shard has its own manifest, lock and state file, so that several machines can write to
// one shared folder. The zero value means no sharding.
type Shard struct{ K, N int }

// ParseShard parses "K/N" with 1 ≤ K ≤ N.
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni || ni > 10000 {
		return Shard{}, fmt.Errorf("%q is not a shard like 2/8 (K from 1 to N)", s)
	}
	return Shard{K: ki, N: ni}, nil
}

// on reports whether sharding is in use.
func (s Shard) on() bool { return s.N > 1 }

// Owns reports whether the shard writes the output at path.
func (s Shard) Owns(path string) bool {
	if !s.on() {
		return true
	}
	sum := sha256.Sum256([]byte(path))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(s.N)) == s.K-1
}

// ManifestName is manifest.json, or manifest-K-of-N.json for a shard.
func (s Shard) ManifestName() string {
	if !s.on() {
		return ManifestName
	}
	return fmt.Sprintf("manifest-%d-of-%d.json", s.K, s.N)
}

// JournalName is the manifest's journal (see Writer.WriteOutput): manifest.journal, or
// manifest-K-of-N.journal for a shard.
func (s Shard) JournalName() string { return journalName(s.ManifestName()) }

// LockName keeps shards that share an output folder from locking each other out.
func (s Shard) LockName() string {
	if !s.on() {
		return LockName
	}
	return fmt.Sprintf(".cwo-%d-of-%d.lock", s.K, s.N)
}

// StateName is the state file's name, one per shard.
func (s Shard) StateName() string {
	if !s.on() {
		return ".cwo-state.json"
	}
	return fmt.Sprintf(".cwo-state-%d-of-%d.json", s.K, s.N)
}

var shardManifest = regexp.MustCompile(`^manifest-(\d+)-of-(\d+)\.json$`)

// MergeManifests joins the shard manifests in dir (manifest-K-of-N.json, every K from 1 to N)
// into dir/manifest.json, marked with version, and returns the number of outputs. It fails when
// a shard is missing or two shards claim one output.
func MergeManifests(dir, version string) (int, error) {
	parts, n, err := shardManifests(dir)
	if err != nil {
		return 0, err
	}
	merged := &Manifest{Version: version}
	seen := map[string]string{}
	for k := 1; k <= n; k++ {
		name, ok := parts[k]
		if !ok {
			return 0, fmt.Errorf("manifest-%d-of-%d.json is missing in %s", k, n, dir)
		}
		m, err := readManifestStrict(filepath.Join(dir, name))
		if err != nil {
			return 0, err
		}
		for _, e := range m.Outputs {
			if prev, dup := seen[e.Path]; dup {
				return 0, fmt.Errorf("%s is in both %s and %s", e.Path, prev, name)
			}
			seen[e.Path] = name
			merged.Outputs = append(merged.Outputs, e)
		}
	}
	return len(merged.Outputs), merged.Write(filepath.Join(dir, ManifestName))
}

// shardManifests finds the shard manifests of one N in dir.
func shardManifests(dir string) (map[int]string, int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	parts, n := map[int]string{}, 0
	for _, e := range entries {
		m := shardManifest.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		k, _ := strconv.Atoi(m[1])
		total, _ := strconv.Atoi(m[2])
		if n != 0 && total != n {
			return nil, 0, fmt.Errorf("%s has shard manifests for different shard counts (%d and %d)", dir, n, total)
		}
		n, parts[k] = total, e.Name()
	}
	if n == 0 {
		return nil, 0, errors.New("no shard manifests (manifest-K-of-N.json) in " + dir)
	}
	return parts, n, nil
}
