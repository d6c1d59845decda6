package main

import (
	"sync"
	"testing"
)

// TestDirectoryLoadedOnceForConcurrentSessions: aect serve's sessions ask the directory
// at once; it is loaded once and shared (go test -race).
func TestDirectoryLoadedOnceForConcurrentSessions(t *testing.T) {
	e := &env{opt: &options{}, getenv: func(string) string { return "" }}
	var wg sync.WaitGroup
	got := make([]*directoryInUse, 4)
	for i := range got {
		wg.Go(func() {
			u, err := e.directory()
			if err != nil {
				t.Error(err)
			}
			got[i] = u
		})
	}
	wg.Wait()
	for _, u := range got[1:] {
		if u != got[0] {
			t.Fatal("the directory was loaded more than once")
		}
	}
}
