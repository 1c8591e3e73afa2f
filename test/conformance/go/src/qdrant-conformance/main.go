// Command qdrant-conformance runs consumers' own checking code on the library output:
// `render` executes External Secrets templates as ESO's v2 engine does, `validate`
// checks custom resources with kube-openapi's validator as the API server does.
// Both read one JSON request on stdin and write one JSON answer on stdout.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fail(fmt.Errorf("usage: qdrant-conformance render|validate < request.json"))
	}
	var answer interface{}
	var err error
	switch os.Args[1] {
	case "render":
		answer, err = render(os.Stdin)
	case "validate":
		answer, err = validateAll(os.Stdin)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(answer); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "qdrant-conformance:", err)
	os.Exit(2)
}
