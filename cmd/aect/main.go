// Command aect is the terminal assistant that helps a French commune or
// intercommunalité plan an international cooperation project and draft the
// délibération and the convention or charte its council will vote on.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "aect : en construction.")
	os.Exit(1)
}
