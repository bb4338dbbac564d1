// Command gomodzip writes one module version into a file-based GOPROXY tree, exactly as the Go module proxy
// serves it: <root>/<escaped module path>/@v/{list, <v>.info, <v>.mod, <v>.zip}.
//
// Place: the Go step of l8sdk's publishing (devtools/l8dev/publish/gomod.py runs it with `go run .`). The zip comes from
// golang.org/x/mod/zip.CreateFromDir (the module proxy's and cmd/go's own rules: <module>@<version>/ prefix,
// size limits, no vendor/ or nested modules, no VCS dirs) and is checked with zip.CheckZip; the hashes are
// golang.org/x/mod/sumdb/dirhash's h1 (the go.sum lines a consumer will record).
//
// Usage: gomodzip -dir DIR -module PATH -version vX.Y.Z -time RFC3339 -out ROOT
// Prints one JSON object: {"zip", "mod", "info", "list", "h1", "mod_h1", "files"} (paths relative to ROOT).
package main

import (
	stdzip "archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/zip"
)

type result struct {
	Zip   string   `json:"zip"`
	Mod   string   `json:"mod"`
	Info  string   `json:"info"`
	List  string   `json:"list"`
	H1    string   `json:"h1"`
	ModH1 string   `json:"mod_h1"`
	Files []string `json:"files"`
}

func main() {
	dir := flag.String("dir", "", "module root directory (contains go.mod)")
	modPath := flag.String("module", "", "module path")
	version := flag.String("version", "", "canonical semantic version, e.g. v0.1.0")
	stamp := flag.String("time", "", "version time for the .info file (RFC 3339)")
	out := flag.String("out", "", "GOPROXY root directory")
	flag.Parse()
	res, err := run(*dir, *modPath, *version, *stamp, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gomodzip:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(res)
}

func run(dir, modPath, version, stamp, out string) (*result, error) {
	if dir == "" || modPath == "" || version == "" || out == "" {
		return nil, errors.New("-dir, -module, -version and -out are required")
	}
	m := module.Version{Path: modPath, Version: version}
	if err := module.Check(modPath, version); err != nil {
		return nil, err
	}
	if semver.Canonical(version) != version {
		return nil, fmt.Errorf("version %q is not canonical (want %q)", version, semver.Canonical(version))
	}
	when := time.Unix(0, 0).UTC()
	if stamp != "" {
		t, err := time.Parse(time.RFC3339, stamp)
		if err != nil {
			return nil, fmt.Errorf("-time: %w", err)
		}
		when = t.UTC()
	}
	goMod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return nil, err
	}
	parsed, err := modfile.Parse("go.mod", goMod, nil)
	if err != nil {
		return nil, err
	}
	if parsed.Module == nil || parsed.Module.Mod.Path != modPath {
		return nil, fmt.Errorf("%s/go.mod declares module %v, not %q", dir, parsed.Module, modPath)
	}
	escPath, err := module.EscapePath(modPath)
	if err != nil {
		return nil, err
	}
	escVersion, err := module.EscapeVersion(version)
	if err != nil {
		return nil, err
	}
	vdir := filepath.Join(out, filepath.FromSlash(escPath), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		return nil, err
	}
	zipPath := filepath.Join(vdir, escVersion+".zip")
	var buf bytes.Buffer
	if err := zip.CreateFromDir(&buf, m, dir); err != nil {
		return nil, err
	}
	if err := os.WriteFile(zipPath, buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if _, err := zip.CheckZip(m, zipPath); err != nil {
		return nil, fmt.Errorf("zip check: %w", err)
	}
	h1, err := dirhash.HashZip(zipPath, dirhash.Hash1)
	if err != nil {
		return nil, err
	}
	modH1, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(goMod)), nil
	})
	if err != nil {
		return nil, err
	}
	info, err := json.Marshal(map[string]any{"Version": version, "Time": when.Format(time.RFC3339)})
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(vdir, escVersion+".info"), append(info, '\n'), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(vdir, escVersion+".mod"), goMod, 0o644); err != nil {
		return nil, err
	}
	if err := writeList(filepath.Join(vdir, "list"), version); err != nil {
		return nil, err
	}
	files, err := zipFiles(buf.Bytes(), m)
	if err != nil {
		return nil, err
	}
	rel := func(name string) string { return path.Join(escPath, "@v", name) }
	return &result{
		Zip: rel(escVersion + ".zip"), Mod: rel(escVersion + ".mod"), Info: rel(escVersion + ".info"),
		List: rel("list"), H1: h1, ModH1: modH1, Files: files,
	}, nil
}

// writeList adds version to the proxy's version list (one per line, semver order, no duplicates).
func writeList(listPath, version string) error {
	seen := map[string]bool{version: true}
	if old, err := os.ReadFile(listPath); err == nil {
		for _, line := range strings.Fields(string(old)) {
			seen[line] = true
		}
	}
	versions := make([]string, 0, len(seen))
	for v := range seen {
		versions = append(versions, v)
	}
	sort.Slice(versions, func(i, j int) bool { return semver.Compare(versions[i], versions[j]) < 0 })
	return os.WriteFile(listPath, []byte(strings.Join(versions, "\n")+"\n"), 0o644)
}

// zipFiles lists the module-relative file names in the zip (for the build log and tests).
func zipFiles(data []byte, m module.Version) ([]string, error) {
	r, err := stdzip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	prefix := m.Path + "@" + m.Version + "/"
	files := make([]string, 0, len(r.File))
	for _, f := range r.File {
		if !strings.HasPrefix(f.Name, prefix) {
			return nil, fmt.Errorf("zip entry %q lacks the prefix %q", f.Name, prefix)
		}
		files = append(files, strings.TrimPrefix(f.Name, prefix))
	}
	sort.Strings(files)
	return files, nil
}
