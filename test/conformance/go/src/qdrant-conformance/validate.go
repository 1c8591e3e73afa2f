package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
	"k8s.io/kube-openapi/pkg/validation/strfmt"
	"k8s.io/kube-openapi/pkg/validation/validate"
)

// validateRequest names schemas once and the objects to check against them.
type validateRequest struct {
	Schemas map[string]json.RawMessage `json:"schemas"`
	Objects []struct {
		Schema string          `json:"schema"`
		Object json.RawMessage `json:"object"`
	} `json:"objects"`
}

// supportedFormats are the formats the API server keeps (apiextensions
// StripUnsupportedFormatsPostProcess); any other format is ignored there.
var supportedFormats = map[string]bool{
	"bsonobjectid": true, "uri": true, "email": true, "hostname": true, "ipv4": true, "ipv6": true,
	"cidr": true, "mac": true, "uuid": true, "uuid3": true, "uuid4": true, "uuid5": true,
	"isbn": true, "isbn10": true, "isbn13": true, "creditcard": true, "ssn": true,
	"hexcolor": true, "rgbcolor": true, "byte": true, "password": true, "date": true,
	"duration": true, "datetime": true,
}

// asServerSchema applies what the apiextensions conversion does before validation:
// int-or-string nodes accept both types and unsupported formats are dropped.
func asServerSchema(s *spec.Schema) {
	if s == nil {
		return
	}
	if v, ok := s.Extensions["x-kubernetes-int-or-string"].(bool); ok && v {
		s.Type = spec.StringOrArray{"integer", "string"}
	}
	if !supportedFormats[strings.ReplaceAll(s.Format, "-", "")] {
		s.Format = ""
	}
	for k, p := range s.Properties {
		asServerSchema(&p)
		s.Properties[k] = p
	}
	if s.Items != nil {
		asServerSchema(s.Items.Schema)
		for i := range s.Items.Schemas {
			asServerSchema(&s.Items.Schemas[i])
		}
	}
	if s.AdditionalProperties != nil {
		asServerSchema(s.AdditionalProperties.Schema)
	}
	for _, list := range [][]spec.Schema{s.AllOf, s.AnyOf, s.OneOf} {
		for i := range list {
			asServerSchema(&list[i])
		}
	}
	asServerSchema(s.Not)
}

// decodeLikeUnstructured decodes JSON numbers as the API server's unstructured
// decoder does: integers as int64, others as float64.
func decodeLikeUnstructured(raw json.RawMessage) (interface{}, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var v interface{}
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return convertNumbers(v), nil
}

func convertNumbers(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, e := range t {
			t[k] = convertNumbers(e)
		}
	case []interface{}:
		for i, e := range t {
			t[i] = convertNumbers(e)
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

// validateAll answers, per object, the validator's error messages (empty when valid).
func validateAll(in io.Reader) (interface{}, error) {
	var req validateRequest
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		return nil, err
	}
	validators := map[string]*validate.SchemaValidator{}
	for name, raw := range req.Schemas {
		s := &spec.Schema{}
		if err := json.Unmarshal(raw, s); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		asServerSchema(s)
		validators[name] = validate.NewSchemaValidator(s, nil, "", strfmt.Default)
	}
	answers := make([][]string, len(req.Objects))
	for i, o := range req.Objects {
		v, ok := validators[o.Schema]
		if !ok {
			return nil, fmt.Errorf("object %d: unknown schema %q", i, o.Schema)
		}
		obj, err := decodeLikeUnstructured(o.Object)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", i, err)
		}
		msgs := []string{}
		for _, e := range v.Validate(obj).Errors {
			msgs = append(msgs, e.Error())
		}
		answers[i] = msgs
	}
	return answers, nil
}
