// Command openapi-enums reads a Kubernetes release's pkg/generated/openapi/zz_generated.openapi.go
// and prints, as JSON, the enum values of every field whose Go type is marked +enum.
//
// The checked-in api/openapi-spec/v3 documents are generated with the OpenAPIEnums feature gate
// off (hack/update-openapi-spec.sh), so they carry no "enum" keywords; the generated Go
// definitions of the same release do. Output:
//
//	{ "io.k8s.api.core.v1.Container": { "properties/imagePullPolicy": ["Always", "IfNotPresent", "Never"] } }
//
// keyed by the OpenAPI component name and a slash path inside that component's schema
// ("properties/<name>", then "items" or "additionalProperties" for element schemas).
// Usage: openapi-enums FILE
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: openapi-enums zz_generated.openapi.go")
		os.Exit(2)
	}
	out, err := extract(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func extract(path string) (map[string]map[string][]string, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range file.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok {
			funcs[fn.Name.Name] = fn
		}
	}
	defs := definitionFuncs(funcs["GetOpenAPIDefinitions"], importPaths(file))
	if len(defs) == 0 {
		return nil, fmt.Errorf("%s: no GetOpenAPIDefinitions map found", path)
	}
	out := map[string]map[string][]string{}
	for goName, funcName := range defs {
		fn := funcs[funcName]
		if fn == nil {
			continue
		}
		enums := map[string][]string{}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok || keyName(kv.Key) != "Schema" {
				return true
			}
			if lit, ok := kv.Value.(*ast.CompositeLit); ok && typeName(lit.Type) == "spec.Schema" {
				walkSchema(lit, "", enums)
				return false
			}
			return true
		})
		if len(enums) > 0 {
			out[componentName(goName)] = enums
		}
	}
	// Every Enum in the file must have been attributed to a component, or the format changed.
	total, found := 0, 0
	ast.Inspect(file, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok && keyName(kv.Key) == "Enum" {
			total++
		}
		return true
	})
	for _, enums := range out {
		found += len(enums)
	}
	if found != total {
		return nil, fmt.Errorf("%s: attributed %d of %d enums; the generated file's layout changed", path, found, total)
	}
	return out, nil
}

// definitionFuncs maps "k8s.io/api/core/v1.Container" to "schema_k8sio_api_core_v1_Container".
// Until 1.34 the map's keys are string literals; from 1.35 they are calls like
// `corev1.Container{}.OpenAPIModelName()`, resolved through the file's imports.
func definitionFuncs(fn *ast.FuncDecl, imports map[string]string) map[string]string {
	out := map[string]string{}
	if fn == nil {
		return out
	}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		call, ok := kv.Value.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok {
			return true
		}
		if name := definitionKey(kv.Key, imports); name != "" {
			out[name] = id.Name
		}
		return false
	})
	return out
}

func definitionKey(key ast.Expr, imports map[string]string) string {
	switch k := key.(type) {
	case *ast.BasicLit:
		if name, err := strconv.Unquote(k.Value); err == nil && k.Kind == token.STRING {
			return name
		}
	case *ast.CallExpr:
		// pkg.Type{}.OpenAPIModelName()
		sel, ok := k.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "OpenAPIModelName" {
			return ""
		}
		lit, ok := sel.X.(*ast.CompositeLit)
		if !ok {
			return ""
		}
		typ, ok := lit.Type.(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		pkg, ok := typ.X.(*ast.Ident)
		if !ok || imports[pkg.Name] == "" {
			return ""
		}
		return imports[pkg.Name] + "." + typ.Sel.Name
	}
	return ""
}

// importPaths maps each import's name in the file to its path.
func importPaths(file *ast.File) map[string]string {
	out := map[string]string{}
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := p[strings.LastIndex(p, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		out[name] = p
	}
	return out
}

// componentName turns a Go type path into the OpenAPI component name used by the spec:
// "k8s.io/api/core/v1.Container" -> "io.k8s.api.core.v1.Container".
func componentName(goName string) string {
	host, rest, found := strings.Cut(goName, "/")
	if !found {
		return goName
	}
	labels := strings.Split(host, ".")
	for i, j := 0, len(labels)-1; i < j; i, j = i+1, j-1 {
		labels[i], labels[j] = labels[j], labels[i]
	}
	return strings.Join(labels, ".") + "." + strings.ReplaceAll(rest, "/", ".")
}

// walkSchema records the Enum of a spec.Schema literal and descends into Properties, Items and
// AdditionalProperties.
func walkSchema(schema *ast.CompositeLit, path string, enums map[string][]string) {
	for _, elt := range schema.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || keyName(kv.Key) != "SchemaProps" {
			continue
		}
		props, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for _, p := range props.Elts {
			pkv, ok := p.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch keyName(pkv.Key) {
			case "Enum":
				if values := stringList(pkv.Value); len(values) > 0 {
					enums[strings.TrimPrefix(path, "/")] = values
				}
			case "Properties":
				m, ok := pkv.Value.(*ast.CompositeLit)
				if !ok {
					continue
				}
				for _, e := range m.Elts {
					ekv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, ok := ekv.Key.(*ast.BasicLit)
					if !ok {
						continue
					}
					name, err := strconv.Unquote(key.Value)
					if sub, isLit := ekv.Value.(*ast.CompositeLit); err == nil && isLit {
						walkSchema(sub, path+"/properties/"+name, enums)
					}
				}
			case "Items", "AdditionalProperties":
				segment := "items"
				if keyName(pkv.Key) == "AdditionalProperties" {
					segment = "additionalProperties"
				}
				if sub := innerSchema(pkv.Value); sub != nil {
					walkSchema(sub, path+"/"+segment, enums)
				}
			}
		}
	}
}

// innerSchema unwraps &spec.SchemaOrArray{Schema: &spec.Schema{...}} (or SchemaOrBool).
func innerSchema(expr ast.Expr) *ast.CompositeLit {
	lit := compositeOf(expr)
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && keyName(kv.Key) == "Schema" {
			return compositeOf(kv.Value)
		}
	}
	return nil
}

func compositeOf(expr ast.Expr) *ast.CompositeLit {
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = u.X
	}
	lit, _ := expr.(*ast.CompositeLit)
	return lit
}

func stringList(expr ast.Expr) []string {
	lit, ok := expr.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range lit.Elts {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			if s, err := strconv.Unquote(b.Value); err == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

func keyName(expr ast.Expr) string {
	if id, ok := expr.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func typeName(expr ast.Expr) string {
	if sel, ok := expr.(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok {
			return x.Name + "." + sel.Sel.Name
		}
	}
	return ""
}
