package main

import (
	"bytes"
	"encoding/json"
	"io"
	"text/template"

	"github.com/Masterminds/sprig"
)

// renderRequest is one ExternalSecret's template.data and the fetched data it sees.
type renderRequest struct {
	Templates map[string]string `json:"templates"`
	Data      map[string]string `json:"data"`
}

// renderResult holds, per template key, either the rendered value or the error.
type renderResult struct {
	Rendered map[string]string `json:"rendered"`
	Errors   map[string]string `json:"errors"`
}

// escFuncs is ESO's v2 function map: sprig's text functions without the ones that
// read the controller's environment.
func escFuncs() template.FuncMap {
	funcs := sprig.TxtFuncMap()
	delete(funcs, "env")
	delete(funcs, "expandenv")
	return funcs
}

// render executes each template as ESO's v2 engine does: text/template with
// missingkey=error, executed on the secret data as map[string]string.
func render(in io.Reader) (interface{}, error) {
	var requests []renderRequest
	if err := json.NewDecoder(in).Decode(&requests); err != nil {
		return nil, err
	}
	funcs := escFuncs()
	results := make([]renderResult, len(requests))
	for i, req := range requests {
		res := renderResult{Rendered: map[string]string{}, Errors: map[string]string{}}
		for key, text := range req.Templates {
			tpl, err := template.New(key).Option("missingkey=error").Funcs(funcs).Parse(text)
			if err != nil {
				res.Errors[key] = err.Error()
				continue
			}
			var out bytes.Buffer
			if err := tpl.Execute(&out, req.Data); err != nil {
				res.Errors[key] = err.Error()
				continue
			}
			res.Rendered[key] = out.String()
		}
		results[i] = res
	}
	return results, nil
}
