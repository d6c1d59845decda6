package storage

import (
	"path/filepath"
	"testing"
)

// A setting survives closing the database, and an empty value removes it.
func TestSettings(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Setting(SettingModels); err != nil || v != "" {
		t.Fatalf("unset: %q, %v", v, err)
	}
	if err := s.SetSetting(SettingModels, "/srv/modeles"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(SettingModels, "/srv/modeles-2027"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Setting(SettingModels); err != nil || v != "/srv/modeles-2027" {
		t.Fatalf("after reopening: %q, %v", v, err)
	}
	if err := s.SetSetting(SettingModels, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(SettingModels); v != "" {
		t.Fatalf("removed: %q", v)
	}
}
