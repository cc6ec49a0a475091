// API aggregation starter: an APIService that tells kube-apiserver's aggregator to proxy one
// group/version to an in-cluster Service, plus the extension API server behind it, built like
// k8s.io/sample-apiserver on k8s.io/apiserver's generic server: custom REST storage in memory (no
// etcd of its own), delegated authentication and authorization, OpenAPI v2/v3, discovery, watch,
// table output and serving-certificate reload. Pinned to the same k8s.io release as e2e/cluster.
// source: kubernetes-extension-facts.md §3.4 (APIService apiregistration.k8s.io/v1 since 1.10).
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, ident, str, token } from "../code"
import { apiGroup, apiVersion, dnsLabel, goModule, imageRef, k8sMinor, kind, language, namespace, refineError } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels, kindNames } from "./common"
import { goDockerfile, goDockerignore, goMakeTargets, goMod } from "./go-common"
import { certManagerObjects, deploymentObject, namespaceObject, serviceAccountObject, serviceObject } from "./k8s-objects"

// Identifiers the generated api package declares itself.
const RESERVED_KINDS = new Set(["GroupName", "Version", "Kind", "Plural", "Singular", "Colors", "SchemeGroupVersion", "Resource", "AddToScheme", "AddToSchemeAsInternal", "GetOpenAPIDefinitions"])

type Obj = Record<string, unknown>

const schema = z
  .object({
    name: dnsLabel().default("widget-apiserver"),
    group: apiGroup().default("aggregated.example.com"),
    version: apiVersion().default("v1alpha1"),
    kind: kind()
      .refine((k) => !RESERVED_KINDS.has(k) && !k.endsWith("List") && !k.endsWith("Spec"), refineError("reservedKind", "This name clashes with generated Go identifiers; choose another kind."))
      .default("Widget"),
    namespace: namespace().default("widget-apiserver"),
    language: language(["go"]),
    module: goModule().default("example.com/widget-apiserver"),
    image: imageRef().default("registry.example.com/widget-apiserver:v0.1.0"),
    k8s: k8sMinor(),
  })
  .strict()
  // The APIService is named <version>.<group>, which must stay a valid object name (≤ 253).
  .refine((o) => o.version.length + 1 + o.group.length <= 253, { ...refineError("apiServiceName", "Version and group together must fit 253 characters (the APIService is named <version>.<group>)."), path: ["group"] })

type Options = z.output<typeof schema>

const PORT = 8443

function apiServiceObject(o: Options): Obj {
  return {
    apiVersion: "apiregistration.k8s.io/v1",
    kind: "APIService",
    metadata: {
      name: `${o.version}.${o.group}`,
      labels: appLabels(o.name, "apiservice"),
      // cert-manager's cainjector writes spec.caBundle from the serving Certificate's CA.
      annotations: { "cert-manager.io/inject-ca-from": `${o.namespace}/${o.name}-serving` },
    },
    spec: {
      group: o.group,
      version: o.version,
      // Priorities only order groups/versions in discovery; these are the values sample-apiserver uses.
      groupPriorityMinimum: 1000,
      versionPriority: 15,
      service: { namespace: o.namespace, name: o.name, port: 443 },
      insecureSkipTLSVerify: false,
    },
  }
}

function rbacObjects(o: Options): Obj[] {
  const subjects = [{ kind: "ServiceAccount", name: o.name, namespace: o.namespace }]
  return [
    // API Priority and Fairness in the server reads the cluster's flow-control configuration.
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: `${o.name}:flowcontrol-reader`, labels: appLabels(o.name, "rbac") },
      rules: [{ apiGroups: ["flowcontrol.apiserver.k8s.io"], resources: ["prioritylevelconfigurations", "flowschemas"], verbs: ["list", "watch"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${o.name}:flowcontrol-reader`, labels: appLabels(o.name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: `${o.name}:flowcontrol-reader` },
      subjects,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${o.name}:system:auth-delegator`, labels: appLabels(o.name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:auth-delegator" },
      subjects,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: `${o.name}-auth-reader`, namespace: "kube-system", labels: appLabels(o.name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "extension-apiserver-authentication-reader" },
      subjects,
    },
  ]
}

function serverObjects(o: Options): Obj[] {
  const deployment = deploymentObject({
    name: o.name,
    namespace: o.namespace,
    image: o.image,
    args: [
      `--secure-port=${PORT}`,
      // Reloaded when the Secret volume changes (cert-manager renewals need no restart).
      "--tls-cert-file=/tls/tls.crt",
      "--tls-private-key-file=/tls/tls.key",
    ],
    port: PORT,
    replicas: 2,
    tlsSecret: `${o.name}-tls`,
    probePath: "/livez",
    // Delegated authentication/authorization and the front-proxy CA use the in-cluster config.
    automountToken: true,
  })
  const pod = (deployment.spec as Obj).template as Obj
  const container = ((pod.spec as Obj).containers as Obj[])[0]!
  container.readinessProbe = { httpGet: { path: "/readyz", port: PORT, scheme: "HTTPS" }, periodSeconds: 5 }
  return [serviceAccountObject(o.name, o.namespace, true), deployment, serviceObject(o.name, o.namespace, PORT)]
}

// ---------------------------------------------------------------- Go

function goTypesFile(o: Options): string {
  const { K, KS, KL, V, n } = names(o)
  return go`
    // Package ${V} is the ${V} API of the ${token(o.group)} group.
    package ${V}

    import (
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
    )

    // API coordinates served by this server (must match the APIService in deploy/).
    const (
      GroupName = ${str(o.group)}
      Version   = ${str(o.version)}
      Kind      = "${K}"
      Plural    = ${str(n.plural)}
      Singular  = ${str(n.lower)}
    )

    // ${K} is the one resource of this API.
    type ${K} struct {
      metav1.TypeMeta   \`json:",inline"\`
      metav1.ObjectMeta \`json:"metadata,omitempty"\`

      Spec ${KS} \`json:"spec"\`
    }

    // ${KS} is what a ${K} holds; computed or looked up on request in a real server.
    type ${KS} struct {
      // Size is how many units the ${token(n.lower)} has (1–10).
      Size int32 \`json:"size"\`
      // Color is one of red, green, blue.
      Color string \`json:"color,omitempty"\`
    }

    // ${KL} is a list of ${K}s.
    type ${KL} struct {
      metav1.TypeMeta \`json:",inline"\`
      metav1.ListMeta \`json:"metadata,omitempty"\`

      Items []${K} \`json:"items"\`
    }

    // Colors a ${K} may have.
    var Colors = []string{"red", "green", "blue"}
  `
}


function goRegisterFile(o: Options): string {
  const { K, KL, V } = names(o)
  return go`
    package ${V}

    import (
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/runtime"
      "k8s.io/apimachinery/pkg/runtime/schema"
    )

    // SchemeGroupVersion is the group and version served.
    var SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: Version}

    // Resource qualifies a resource name with the group (for errors).
    func Resource(resource string) schema.GroupResource {
      return SchemeGroupVersion.WithResource(resource).GroupResource()
    }

    // AddToScheme registers the types under their served version.
    func AddToScheme(scheme *runtime.Scheme) error {
      scheme.AddKnownTypes(SchemeGroupVersion, &${K}{}, &${KL}{})
      metav1.AddToGroupVersion(scheme, SchemeGroupVersion)
      return nil
    }

    // AddToSchemeAsInternal registers the same Go types as the group's internal version: this server
    // stores exactly what it serves (one version), so it needs no conversion functions. Add a
    // separate internal type and conversions when you add a second version.
    func AddToSchemeAsInternal(scheme *runtime.Scheme) error {
      scheme.AddKnownTypes(schema.GroupVersion{Group: GroupName, Version: runtime.APIVersionInternal}, &${K}{}, &${KL}{})
      return nil
    }
  `
}


function goDeepcopyFile(o: Options): string {
  const { K, KL, V } = names(o)
  return go`
    package ${V}

    import (
      "k8s.io/apimachinery/pkg/runtime"
    )

    // DeepCopyInto copies the receiver into out.
    func (in *${K}) DeepCopyInto(out *${K}) {
      *out = *in
      out.TypeMeta = in.TypeMeta
      in.ObjectMeta.DeepCopyInto(&out.ObjectMeta)
      out.Spec = in.Spec
    }

    // DeepCopy returns a deep copy.
    func (in *${K}) DeepCopy() *${K} {
      if in == nil {
        return nil
      }
      out := new(${K})
      in.DeepCopyInto(out)
      return out
    }

    // DeepCopyObject implements runtime.Object.
    func (in *${K}) DeepCopyObject() runtime.Object {
      return in.DeepCopy()
    }

    // DeepCopyInto copies the receiver into out.
    func (in *${KL}) DeepCopyInto(out *${KL}) {
      *out = *in
      out.TypeMeta = in.TypeMeta
      in.ListMeta.DeepCopyInto(&out.ListMeta)
      if in.Items != nil {
        out.Items = make([]${K}, len(in.Items))
        for i := range in.Items {
          in.Items[i].DeepCopyInto(&out.Items[i])
        }
      }
    }

    // DeepCopy returns a deep copy.
    func (in *${KL}) DeepCopy() *${KL} {
      if in == nil {
        return nil
      }
      out := new(${KL})
      in.DeepCopyInto(out)
      return out
    }

    // DeepCopyObject implements runtime.Object.
    func (in *${KL}) DeepCopyObject() runtime.Object {
      return in.DeepCopy()
    }
  `
}


function goOpenAPIFile(o: Options): string {
  const { K, KS, KL, V, n } = names(o)
  return go`
    package ${V}

    import (
      extensionsopenapi "k8s.io/apiextensions-apiserver/pkg/generated/openapi"
      "k8s.io/kube-openapi/pkg/common"
      "k8s.io/kube-openapi/pkg/validation/spec"
    )

    // openAPIPrefix names the types in OpenAPI: the group reversed, then the version, the way
    // Kubernetes names its own (io.k8s.api.apps.v1.Deployment).
    const openAPIPrefix = ${str(openAPIPrefix(o))}

    // OpenAPIModelName is the name of ${K} in the OpenAPI documents.
    func (${K}) OpenAPIModelName() string { return openAPIPrefix + "${K}" }

    // OpenAPIModelName is the name of ${KS} in the OpenAPI documents.
    func (${KS}) OpenAPIModelName() string { return openAPIPrefix + "${KS}" }

    // OpenAPIModelName is the name of ${KL} in the OpenAPI documents.
    func (${KL}) OpenAPIModelName() string { return openAPIPrefix + "${KL}" }

    // GetOpenAPIDefinitions describes the types for OpenAPI v2 and v3 (kubectl explain, server-side
    // apply, client generators). The meta/v1 definitions (ObjectMeta, Status, …) come from the
    // definitions k8s.io/apiextensions-apiserver generates with openapi-gen; ours are written out
    // here in the same form (run openapi-gen instead once the types grow).
    func GetOpenAPIDefinitions(ref common.ReferenceCallback) map[string]common.OpenAPIDefinition {
      defs := extensionsopenapi.GetOpenAPIDefinitions(ref)
      str := func(desc string) spec.Schema {
        return spec.Schema{SchemaProps: spec.SchemaProps{Type: []string{"string"}, Description: desc}}
      }
      typeMeta := map[string]spec.Schema{
        "apiVersion": str("APIVersion defines the versioned schema of this representation of an object."),
        "kind":       str("Kind is a string value representing the REST resource this object represents."),
      }
      colors := make([]interface{}, len(Colors))
      for i, c := range Colors {
        colors[i] = c
      }
      minSize, maxSize := 1.0, 10.0
      defs[${KS}{}.OpenAPIModelName()] = common.OpenAPIDefinition{
        Schema: spec.Schema{SchemaProps: spec.SchemaProps{
          Description: "${KS} is what a ${K} holds.",
          Type:        []string{"object"},
          Required:    []string{"size"},
          Properties: map[string]spec.Schema{
            "size": {SchemaProps: spec.SchemaProps{
              Description: "Size is how many units the ${token(n.lower)} has (1–10).",
              Type:        []string{"integer"}, Format: "int32", Minimum: &minSize, Maximum: &maxSize,
            }},
            "color": {SchemaProps: spec.SchemaProps{
              Description: "Color is one of red, green, blue.",
              Type:        []string{"string"}, Enum: colors,
            }},
          },
        }},
      }
      widgetProps := map[string]spec.Schema{
        "metadata": {SchemaProps: spec.SchemaProps{Description: "Standard object metadata.", Default: map[string]interface{}{}, Ref: ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")}},
        "spec":     {SchemaProps: spec.SchemaProps{Description: "Desired state of the ${K}.", Default: map[string]interface{}{}, Ref: ref(${KS}{}.OpenAPIModelName())}},
      }
      for k, v := range typeMeta {
        widgetProps[k] = v
      }
      defs[${K}{}.OpenAPIModelName()] = common.OpenAPIDefinition{
        Schema: spec.Schema{SchemaProps: spec.SchemaProps{
          Description: "${K} is the one resource of this API.",
          Type:        []string{"object"},
          Required:    []string{"spec"},
          Properties:  widgetProps,
        }},
        Dependencies: []string{"io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", ${KS}{}.OpenAPIModelName()},
      }
      listProps := map[string]spec.Schema{
        "metadata": {SchemaProps: spec.SchemaProps{Description: "Standard list metadata.", Default: map[string]interface{}{}, Ref: ref("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta")}},
        "items": {SchemaProps: spec.SchemaProps{
          Description: "Items is the list of ${K}s.",
          Type:        []string{"array"},
          Items:       &spec.SchemaOrArray{Schema: &spec.Schema{SchemaProps: spec.SchemaProps{Default: map[string]interface{}{}, Ref: ref(${K}{}.OpenAPIModelName())}}},
        }},
      }
      for k, v := range typeMeta {
        listProps[k] = v
      }
      defs[${KL}{}.OpenAPIModelName()] = common.OpenAPIDefinition{
        Schema: spec.Schema{SchemaProps: spec.SchemaProps{
          Description: "${KL} is a list of ${K}s.",
          Type:        []string{"object"},
          Required:    []string{"items"},
          Properties:  listProps,
        }},
        Dependencies: []string{"io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", ${K}{}.OpenAPIModelName()},
      }
      return defs
    }
  `
}


function goStorageFile(o: Options): string {
  const { K, KL, V, MOD, n } = names(o)
  return go`
    // Package registry is the REST storage of the ${token(n.plural)} resource: objects live in memory (no etcd of
    // its own), with resourceVersions, watch, table output for kubectl and validation.
    package registry

    import (
      "context"
      "fmt"
      "slices"
      "strconv"
      "sync"
      "time"

      apiequality "k8s.io/apimachinery/pkg/api/equality"
      apierrors "k8s.io/apimachinery/pkg/api/errors"
      metainternalversion "k8s.io/apimachinery/pkg/apis/meta/internalversion"
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/fields"
      "k8s.io/apimachinery/pkg/labels"
      "k8s.io/apimachinery/pkg/runtime"
      "k8s.io/apimachinery/pkg/util/duration"
      "k8s.io/apimachinery/pkg/util/uuid"
      "k8s.io/apimachinery/pkg/util/validation/field"
      "k8s.io/apimachinery/pkg/watch"
      genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
      "k8s.io/apiserver/pkg/registry/rest"
      "k8s.io/apiserver/pkg/storage/names"

      "${MOD}/pkg/apis/${V}"
    )

    // historySize is how many recent changes a watch can resume from (older: 410 Gone, relist).
    const historySize = 1000

    // REST stores ${K}s in memory.
    type REST struct {
      mu       sync.RWMutex
      objects  map[string]*${V}.${K}
      rv       uint64
      history  []watch.Event
      watchers map[int]*watcher
      nextID   int
    }

    var (
      _ rest.Storage              = &REST{}
      _ rest.Scoper               = &REST{}
      _ rest.SingularNameProvider = &REST{}
      _ rest.Getter               = &REST{}
      _ rest.Lister               = &REST{}
      _ rest.Creater              = &REST{}
      _ rest.Updater              = &REST{}
      _ rest.GracefulDeleter      = &REST{}
      _ rest.CollectionDeleter    = &REST{}
      _ rest.Watcher              = &REST{}
      _ rest.TableConvertor       = &REST{}
    )

    // NewREST returns an empty store.
    func NewREST() *REST {
      return &REST{objects: map[string]*${V}.${K}{}, watchers: map[int]*watcher{}}
    }

    func key(namespace, name string) string { return namespace + "/" + name }

    // New returns an empty ${K}.
    func (r *REST) New() runtime.Object { return &${V}.${K}{} }

    // NewList returns an empty ${KL}.
    func (r *REST) NewList() runtime.Object { return &${V}.${KL}{} }

    // Destroy releases nothing: everything is in memory.
    func (r *REST) Destroy() {}

    // NamespaceScoped is true: ${K}s live in namespaces.
    func (r *REST) NamespaceScoped() bool { return true }

    // GetSingularName is used by kubectl and discovery.
    func (r *REST) GetSingularName() string { return ${V}.Singular }

    // Validate checks a ${K} the way the OpenAPI schema describes it.
    func Validate(w *${V}.${K}) field.ErrorList {
      var errs field.ErrorList
      spec := field.NewPath("spec")
      if w.Spec.Size < 1 || w.Spec.Size > 10 {
        errs = append(errs, field.Invalid(spec.Child("size"), w.Spec.Size, "must be between 1 and 10"))
      }
      if w.Spec.Color != "" && !slices.Contains(${V}.Colors, w.Spec.Color) {
        errs = append(errs, field.NotSupported(spec.Child("color"), w.Spec.Color, ${V}.Colors))
      }
      return errs
    }

    func matches(w *${V}.${K}, namespace string, opts *metainternalversion.ListOptions) bool {
      if namespace != "" && w.Namespace != namespace {
        return false
      }
      if opts == nil {
        return true
      }
      if opts.LabelSelector != nil && !opts.LabelSelector.Matches(labels.Set(w.Labels)) {
        return false
      }
      if opts.FieldSelector != nil && !opts.FieldSelector.Matches(fields.Set{"metadata.name": w.Name, "metadata.namespace": w.Namespace}) {
        return false
      }
      return true
    }

    // Get returns one ${K}.
    func (r *REST) Get(ctx context.Context, name string, _ *metav1.GetOptions) (runtime.Object, error) {
      ns := genericapirequest.NamespaceValue(ctx)
      r.mu.RLock()
      defer r.mu.RUnlock()
      w, ok := r.objects[key(ns, name)]
      if !ok {
        return nil, apierrors.NewNotFound(${V}.Resource(${V}.Plural), name)
      }
      return w.DeepCopy(), nil
    }

    // List returns the ${K}s of the request's namespace (all namespaces when it has none).
    func (r *REST) List(ctx context.Context, opts *metainternalversion.ListOptions) (runtime.Object, error) {
      ns := genericapirequest.NamespaceValue(ctx)
      r.mu.RLock()
      defer r.mu.RUnlock()
      list := &${V}.${KL}{ListMeta: metav1.ListMeta{ResourceVersion: strconv.FormatUint(r.rv, 10)}}
      keys := make([]string, 0, len(r.objects))
      for k := range r.objects {
        keys = append(keys, k)
      }
      slices.Sort(keys)
      for _, k := range keys {
        if w := r.objects[k]; matches(w, ns, opts) {
          list.Items = append(list.Items, *w.DeepCopy())
        }
      }
      return list, nil
    }

    func dryRun(opts []string) bool { return len(opts) > 0 }

    // Create stores a new ${K}.
    func (r *REST) Create(ctx context.Context, obj runtime.Object, createValidation rest.ValidateObjectFunc, opts *metav1.CreateOptions) (runtime.Object, error) {
      w, ok := obj.(*${V}.${K})
      if !ok {
        return nil, apierrors.NewBadRequest(fmt.Sprintf("not a ${K}: %T", obj))
      }
      ns := genericapirequest.NamespaceValue(ctx)
      if ns == "" {
        return nil, apierrors.NewBadRequest("a namespace is required")
      }
      w.Namespace = ns
      if w.Name == "" && w.GenerateName != "" {
        w.Name = names.SimpleNameGenerator.GenerateName(w.GenerateName)
      }
      if errs := Validate(w); len(errs) > 0 {
        return nil, apierrors.NewInvalid(${V}.SchemeGroupVersion.WithKind(${V}.Kind).GroupKind(), w.Name, errs)
      }
      if createValidation != nil {
        if err := createValidation(ctx, w); err != nil {
          return nil, err
        }
      }
      r.mu.Lock()
      defer r.mu.Unlock()
      if _, exists := r.objects[key(ns, w.Name)]; exists {
        return nil, apierrors.NewAlreadyExists(${V}.Resource(${V}.Plural), w.Name)
      }
      w.UID = uuid.NewUUID()
      w.CreationTimestamp = metav1.Now()
      w.Generation = 1
      w.ResourceVersion = ""
      if dryRun(opts.DryRun) {
        return w, nil
      }
      r.store(watch.Added, w)
      return w.DeepCopy(), nil
    }

    // Update replaces a ${K} (PUT, and PATCH through Get + Update).
    func (r *REST) Update(ctx context.Context, name string, objInfo rest.UpdatedObjectInfo, createValidation rest.ValidateObjectFunc, updateValidation rest.ValidateObjectUpdateFunc, forceAllowCreate bool, opts *metav1.UpdateOptions) (runtime.Object, bool, error) {
      ns := genericapirequest.NamespaceValue(ctx)
      r.mu.Lock()
      old, exists := r.objects[key(ns, name)]
      r.mu.Unlock()
      if !exists {
        if !forceAllowCreate {
          return nil, false, apierrors.NewNotFound(${V}.Resource(${V}.Plural), name)
        }
        obj, err := objInfo.UpdatedObject(ctx, nil)
        if err != nil {
          return nil, false, err
        }
        created, err := r.Create(ctx, obj, createValidation, &metav1.CreateOptions{DryRun: opts.DryRun})
        return created, true, err
      }
      obj, err := objInfo.UpdatedObject(ctx, old.DeepCopy())
      if err != nil {
        return nil, false, err
      }
      w, ok := obj.(*${V}.${K})
      if !ok {
        return nil, false, apierrors.NewBadRequest(fmt.Sprintf("not a ${K}: %T", obj))
      }
      if errs := Validate(w); len(errs) > 0 {
        return nil, false, apierrors.NewInvalid(${V}.SchemeGroupVersion.WithKind(${V}.Kind).GroupKind(), name, errs)
      }
      if updateValidation != nil {
        if err := updateValidation(ctx, w, old); err != nil {
          return nil, false, err
        }
      }
      r.mu.Lock()
      defer r.mu.Unlock()
      current, exists := r.objects[key(ns, name)]
      if !exists {
        return nil, false, apierrors.NewNotFound(${V}.Resource(${V}.Plural), name)
      }
      if w.ResourceVersion != "" && w.ResourceVersion != current.ResourceVersion {
        return nil, false, apierrors.NewConflict(${V}.Resource(${V}.Plural), name, fmt.Errorf("the object has been modified; please apply your changes to the latest version and try again"))
      }
      w.Name, w.Namespace, w.UID, w.CreationTimestamp = current.Name, current.Namespace, current.UID, current.CreationTimestamp
      w.Generation = current.Generation
      if !apiequality.Semantic.DeepEqual(w.Spec, current.Spec) {
        w.Generation++
      }
      if dryRun(opts.DryRun) {
        return w, false, nil
      }
      r.store(watch.Modified, w)
      return w.DeepCopy(), false, nil
    }

    // Delete removes a ${K} at once (no finalizers, no graceful period).
    func (r *REST) Delete(ctx context.Context, name string, deleteValidation rest.ValidateObjectFunc, opts *metav1.DeleteOptions) (runtime.Object, bool, error) {
      ns := genericapirequest.NamespaceValue(ctx)
      r.mu.Lock()
      defer r.mu.Unlock()
      current, exists := r.objects[key(ns, name)]
      if !exists {
        return nil, false, apierrors.NewNotFound(${V}.Resource(${V}.Plural), name)
      }
      if p := opts.Preconditions; p != nil {
        if p.UID != nil && *p.UID != current.UID || p.ResourceVersion != nil && *p.ResourceVersion != current.ResourceVersion {
          return nil, false, apierrors.NewConflict(${V}.Resource(${V}.Plural), name, fmt.Errorf("precondition failed"))
        }
      }
      if deleteValidation != nil {
        if err := deleteValidation(ctx, current.DeepCopy()); err != nil {
          return nil, false, err
        }
      }
      if dryRun(opts.DryRun) {
        return current.DeepCopy(), true, nil
      }
      deleted := current.DeepCopy()
      r.store(watch.Deleted, deleted)
      return deleted.DeepCopy(), true, nil
    }

    // DeleteCollection deletes every matching ${K} (used when a namespace is deleted).
    func (r *REST) DeleteCollection(ctx context.Context, deleteValidation rest.ValidateObjectFunc, opts *metav1.DeleteOptions, listOpts *metainternalversion.ListOptions) (runtime.Object, error) {
      obj, err := r.List(ctx, listOpts)
      if err != nil {
        return nil, err
      }
      list := obj.(*${V}.${KL})
      out := &${V}.${KL}{}
      for i := range list.Items {
        ctx := genericapirequest.WithNamespace(ctx, list.Items[i].Namespace)
        deleted, _, err := r.Delete(ctx, list.Items[i].Name, deleteValidation, opts)
        if apierrors.IsNotFound(err) {
          continue
        }
        if err != nil {
          return nil, err
        }
        out.Items = append(out.Items, *deleted.(*${V}.${K}))
      }
      return out, nil
    }

    // store applies a change under r.mu, stamps the next resourceVersion and tells the watchers.
    func (r *REST) store(kind watch.EventType, w *${V}.${K}) {
      r.rv++
      w.ResourceVersion = strconv.FormatUint(r.rv, 10)
      if kind == watch.Deleted {
        delete(r.objects, key(w.Namespace, w.Name))
      } else {
        r.objects[key(w.Namespace, w.Name)] = w.DeepCopy()
      }
      event := watch.Event{Type: kind, Object: w.DeepCopy()}
      r.history = append(r.history, event)
      if len(r.history) > historySize {
        r.history = r.history[len(r.history)-historySize:]
      }
      for id, wt := range r.watchers {
        if !wt.filter(w) {
          continue
        }
        select {
        case wt.live <- watch.Event{Type: kind, Object: w.DeepCopy()}:
        default: // too slow: end this watch, the client lists and watches again
          delete(r.watchers, id)
          close(wt.live)
        }
      }
    }

    func eventRV(e watch.Event) uint64 {
      rv, _ := strconv.ParseUint(e.Object.(*${V}.${K}).ResourceVersion, 10, 64)
      return rv
    }

    // Watch streams changes after opts.ResourceVersion ("" or "0": the current objects first).
    func (r *REST) Watch(ctx context.Context, opts *metainternalversion.ListOptions) (watch.Interface, error) {
      ns := genericapirequest.NamespaceValue(ctx)
      filter := func(w *${V}.${K}) bool { return matches(w, ns, opts) }
      r.mu.Lock()
      defer r.mu.Unlock()
      var initial []watch.Event
      rv := ""
      sendInitial := false
      if opts != nil {
        rv = opts.ResourceVersion
        sendInitial = opts.SendInitialEvents != nil && *opts.SendInitialEvents
      }
      if rv == "" || rv == "0" || sendInitial {
        keys := make([]string, 0, len(r.objects))
        for k := range r.objects {
          keys = append(keys, k)
        }
        slices.Sort(keys)
        for _, k := range keys {
          if w := r.objects[k]; filter(w) {
            initial = append(initial, watch.Event{Type: watch.Added, Object: w.DeepCopy()})
          }
        }
        if sendInitial && opts.AllowWatchBookmarks {
          // Watch-list clients wait for this bookmark before they consider the list complete.
          bookmark := &${V}.${K}{ObjectMeta: metav1.ObjectMeta{
            ResourceVersion: strconv.FormatUint(r.rv, 10),
            Annotations:     map[string]string{metav1.InitialEventsAnnotationKey: "true"},
          }}
          initial = append(initial, watch.Event{Type: watch.Bookmark, Object: bookmark})
        }
      } else {
        from, err := strconv.ParseUint(rv, 10, 64)
        if err != nil {
          return nil, apierrors.NewBadRequest(fmt.Sprintf("invalid resourceVersion %q", rv))
        }
        if len(r.history) > 0 && from+1 < eventRV(r.history[0]) || from > r.rv {
          return nil, apierrors.NewResourceExpired(fmt.Sprintf("too old resource version: %d (%d)", from, r.rv))
        }
        for _, e := range r.history {
          if eventRV(e) > from && filter(e.Object.(*${V}.${K})) {
            initial = append(initial, watch.Event{Type: e.Type, Object: e.Object.DeepCopyObject()})
          }
        }
      }
      id := r.nextID
      r.nextID++
      w := &watcher{result: make(chan watch.Event), live: make(chan watch.Event, 256), stop: make(chan struct{}), filter: filter}
      r.watchers[id] = w
      go w.run(initial, func() {
        r.mu.Lock()
        defer r.mu.Unlock()
        if r.watchers[id] == w {
          delete(r.watchers, id)
        }
      })
      return w, nil
    }

    type watcher struct {
      result chan watch.Event
      live   chan watch.Event
      stop   chan struct{}
      once   sync.Once
      filter func(*${V}.${K}) bool
    }

    func (w *watcher) ResultChan() <-chan watch.Event { return w.result }

    func (w *watcher) Stop() { w.once.Do(func() { close(w.stop) }) }

    func (w *watcher) run(initial []watch.Event, done func()) {
      defer close(w.result)
      defer done()
      for _, e := range initial {
        select {
        case w.result <- e:
        case <-w.stop:
          return
        }
      }
      for {
        select {
        case e, ok := <-w.live:
          if !ok {
            return
          }
          select {
          case w.result <- e:
          case <-w.stop:
            return
          }
        case <-w.stop:
          return
        }
      }
    }

    var columns = []metav1.TableColumnDefinition{
      {Name: "Name", Type: "string", Format: "name", Description: "Name of the ${K}."},
      {Name: "Size", Type: "integer", Description: "spec.size"},
      {Name: "Color", Type: "string", Description: "spec.color"},
      {Name: "Age", Type: "string", Description: "Time since the ${K} was created."},
      {Name: "UID", Type: "string", Priority: 1, Description: "metadata.uid (kubectl get -o wide)."},
    }

    // ConvertToTable gives kubectl get its columns (and -o wide the ones with priority 1).
    func (r *REST) ConvertToTable(_ context.Context, object runtime.Object, _ runtime.Object) (*metav1.Table, error) {
      table := &metav1.Table{ColumnDefinitions: columns}
      row := func(w *${V}.${K}) metav1.TableRow {
        age := "<unknown>"
        if !w.CreationTimestamp.IsZero() {
          age = duration.HumanDuration(time.Since(w.CreationTimestamp.Time))
        }
        return metav1.TableRow{Cells: []interface{}{w.Name, w.Spec.Size, w.Spec.Color, age, string(w.UID)}, Object: runtime.RawExtension{Object: w}}
      }
      switch t := object.(type) {
      case *${V}.${K}:
        table.ResourceVersion = t.ResourceVersion
        table.Rows = []metav1.TableRow{row(t)}
      case *${V}.${KL}:
        table.ResourceVersion = t.ResourceVersion
        table.Continue = t.Continue
        for i := range t.Items {
          table.Rows = append(table.Rows, row(&t.Items[i]))
        }
      default:
        return nil, fmt.Errorf("cannot show %T as a table", object)
      }
      return table, nil
    }
  `
}


function goStorageTestFile(o: Options): string {
  const { K, KS, KL, V, MOD, n } = names(o)
  return go`
    package registry

    import (
      "context"
      "testing"
      "time"

      apierrors "k8s.io/apimachinery/pkg/api/errors"
      metainternalversion "k8s.io/apimachinery/pkg/apis/meta/internalversion"
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/runtime"
      "k8s.io/apimachinery/pkg/watch"
      genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
      "k8s.io/apiserver/pkg/registry/rest"

      "${MOD}/pkg/apis/${V}"
    )

    func inNamespace(ns string) context.Context {
      return genericapirequest.WithNamespace(context.Background(), ns)
    }

    func newObject(name string, size int32) *${V}.${K} {
      return &${V}.${K}{ObjectMeta: metav1.ObjectMeta{Name: name}, Spec: ${V}.${KS}{Size: size, Color: "blue"}}
    }

    func TestCreateGetListUpdateDelete(t *testing.T) {
      r := NewREST()
      ctx := inNamespace("demo")
      if _, err := r.Create(ctx, newObject("a", 3), nil, &metav1.CreateOptions{}); err != nil {
        t.Fatal(err)
      }
      if _, err := r.Create(ctx, newObject("a", 3), nil, &metav1.CreateOptions{}); !apierrors.IsAlreadyExists(err) {
        t.Fatalf("second create: %v, want AlreadyExists", err)
      }
      if _, err := r.Create(ctx, newObject("big", 11), nil, &metav1.CreateOptions{}); !apierrors.IsInvalid(err) {
        t.Fatalf("size 11: %v, want Invalid", err)
      }
      got, err := r.Get(ctx, "a", &metav1.GetOptions{})
      if err != nil {
        t.Fatal(err)
      }
      w := got.(*${V}.${K})
      w.Spec.Size = 5
      updated, _, err := r.Update(ctx, "a", rest.DefaultUpdatedObjectInfo(w), nil, nil, false, &metav1.UpdateOptions{})
      if err != nil {
        t.Fatal(err)
      }
      if u := updated.(*${V}.${K}); u.Spec.Size != 5 || u.Generation != 2 {
        t.Fatalf("updated = %+v", u)
      }
      // A write based on an old resourceVersion conflicts.
      if _, _, err := r.Update(ctx, "a", rest.DefaultUpdatedObjectInfo(w), nil, nil, false, &metav1.UpdateOptions{}); !apierrors.IsConflict(err) {
        t.Fatalf("stale update: %v, want Conflict", err)
      }
      list, _ := r.List(inNamespace("other"), &metainternalversion.ListOptions{})
      if n := len(list.(*${V}.${KL}).Items); n != 0 {
        t.Fatalf("other namespace has %d ${token(n.plural)}", n)
      }
      if _, _, err := r.Delete(ctx, "a", nil, &metav1.DeleteOptions{}); err != nil {
        t.Fatal(err)
      }
      if _, err := r.Get(ctx, "a", &metav1.GetOptions{}); !apierrors.IsNotFound(err) {
        t.Fatalf("after delete: %v, want NotFound", err)
      }
    }

    func next(t *testing.T, w watch.Interface) watch.Event {
      t.Helper()
      select {
      case e := <-w.ResultChan():
        return e
      case <-time.After(5 * time.Second):
        t.Fatal("no watch event")
        return watch.Event{}
      }
    }

    func TestWatchFromResourceVersion(t *testing.T) {
      r := NewREST()
      ctx := inNamespace("demo")
      if _, err := r.Create(ctx, newObject("a", 1), nil, &metav1.CreateOptions{}); err != nil {
        t.Fatal(err)
      }
      list, _ := r.List(ctx, nil)
      rv := list.(*${V}.${KL}).ResourceVersion
      // Changes between the list and the watch are replayed.
      if _, err := r.Create(ctx, newObject("b", 2), nil, &metav1.CreateOptions{}); err != nil {
        t.Fatal(err)
      }
      w, err := r.Watch(ctx, &metainternalversion.ListOptions{ResourceVersion: rv})
      if err != nil {
        t.Fatal(err)
      }
      defer w.Stop()
      if e := next(t, w); e.Type != watch.Added || e.Object.(*${V}.${K}).Name != "b" {
        t.Fatalf("first event %v %v", e.Type, e.Object)
      }
      if _, _, err := r.Delete(ctx, "a", nil, &metav1.DeleteOptions{}); err != nil {
        t.Fatal(err)
      }
      if e := next(t, w); e.Type != watch.Deleted || e.Object.(*${V}.${K}).Name != "a" {
        t.Fatalf("second event %v %v", e.Type, e.Object)
      }
    }

    func TestTable(t *testing.T) {
      r := NewREST()
      ctx := inNamespace("demo")
      if _, err := r.Create(ctx, newObject("a", 4), nil, &metav1.CreateOptions{}); err != nil {
        t.Fatal(err)
      }
      list, _ := r.List(ctx, nil)
      table, err := r.ConvertToTable(ctx, list, nil)
      if err != nil {
        t.Fatal(err)
      }
      if len(table.Rows) != 1 || table.Rows[0].Cells[0] != "a" || table.Rows[0].Cells[1] != int32(4) {
        t.Fatalf("rows = %+v", table.Rows)
      }
      if table.ColumnDefinitions[len(table.ColumnDefinitions)-1].Priority != 1 {
        t.Fatal("the UID column should show only with -o wide")
      }
      var _ runtime.Object = table
    }
  `
}


function goApiserverFile(o: Options): string {
  const { V, MOD, n } = names(o)
  return go`
    // Package apiserver assembles the extension API server: k8s.io/apiserver's generic server with
    // the ${token(n.plural)} REST storage, the way k8s.io/sample-apiserver does it (without etcd).
    package apiserver

    import (
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/runtime"
      "k8s.io/apimachinery/pkg/runtime/schema"
      "k8s.io/apimachinery/pkg/runtime/serializer"
      utilruntime "k8s.io/apimachinery/pkg/util/runtime"
      "k8s.io/apiserver/pkg/registry/rest"
      genericapiserver "k8s.io/apiserver/pkg/server"

      "${MOD}/pkg/apis/${V}"
      "${MOD}/pkg/registry"
    )

    var (
      // Scheme knows the served types, their internal version and the meta types.
      Scheme = runtime.NewScheme()
      // Codecs encode and decode for the scheme (JSON, YAML, protobuf where supported).
      Codecs = serializer.NewCodecFactory(Scheme)
      // OpenAPIScheme has only the served version: it names the OpenAPI definitions and their GVKs.
      OpenAPIScheme = runtime.NewScheme()
    )

    func init() {
      utilruntime.Must(${V}.AddToScheme(Scheme))
      utilruntime.Must(${V}.AddToSchemeAsInternal(Scheme))
      utilruntime.Must(Scheme.SetVersionPriority(${V}.SchemeGroupVersion))
      // The generic server decodes list/watch options of every group through the empty v1 group.
      metav1.AddToGroupVersion(Scheme, schema.GroupVersion{Version: "v1"})
      unversioned := schema.GroupVersion{Group: "", Version: "v1"}
      Scheme.AddUnversionedTypes(unversioned, &metav1.Status{}, &metav1.APIVersions{}, &metav1.APIGroupList{}, &metav1.APIGroup{}, &metav1.APIResourceList{})
      utilruntime.Must(${V}.AddToScheme(OpenAPIScheme))
    }

    // New builds the server from a completed config and installs the API group.
    func New(c genericapiserver.CompletedConfig) (*genericapiserver.GenericAPIServer, error) {
      s, err := c.New(${str(o.name)}, genericapiserver.NewEmptyDelegate())
      if err != nil {
        return nil, err
      }
      group := genericapiserver.NewDefaultAPIGroupInfo(${V}.GroupName, Scheme, metav1.ParameterCodec, Codecs)
      group.VersionedResourcesStorageMap[${V}.Version] = map[string]rest.Storage{${V}.Plural: registry.NewREST()}
      if err := s.InstallAPIGroup(&group); err != nil {
        return nil, err
      }
      return s, nil
    }
  `
}


function goMainFile(o: Options): string {
  const { V, MOD } = names(o)
  return go`
    // Command server is an extension API server behind kube-apiserver's aggregation layer, built on
    // k8s.io/apiserver: TLS with certificate reload, authentication and authorization delegated to
    // kube-apiserver (TokenReview, SubjectAccessReview, front-proxy client certificates), OpenAPI v2
    // and v3, discovery, watch and table output.
    package main

    import (
      "flag"
      "net"
      "os"

      "github.com/spf13/pflag"
      "k8s.io/apiserver/pkg/endpoints/openapi"
      genericapiserver "k8s.io/apiserver/pkg/server"
      genericoptions "k8s.io/apiserver/pkg/server/options"
      "k8s.io/apiserver/pkg/util/compatibility"
      utilfeature "k8s.io/apiserver/pkg/util/feature"
      "k8s.io/klog/v2"

      "${MOD}/pkg/apis/${V}"
      "${MOD}/pkg/apiserver"
    )

    func main() {
      opts := genericoptions.NewRecommendedOptions("", apiserver.Codecs.LegacyCodec(${V}.SchemeGroupVersion))
      // Objects live in this process (pkg/registry): no etcd of our own.
      opts.Etcd = nil
      // kube-apiserver's admission does not run for aggregated APIs; this server runs none either.
      opts.Admission = nil
      opts.SecureServing.BindPort = 8443
      opts.SecureServing.ServerCert.CertDirectory = ""

      fs := pflag.CommandLine
      opts.AddFlags(fs)
      klog.InitFlags(nil)
      fs.AddGoFlagSet(flag.CommandLine)
      pflag.Parse()

      if errs := opts.Validate(); len(errs) > 0 {
        for _, err := range errs {
          klog.Error(err)
        }
        os.Exit(2)
      }

      // Without --tls-cert-file (make run): an in-memory self-signed certificate for localhost.
      if err := opts.SecureServing.MaybeDefaultWithSelfSignedCerts("localhost", nil, []net.IP{net.ParseIP("127.0.0.1")}); err != nil {
        klog.Fatal(err)
      }

      cfg := genericapiserver.NewRecommendedConfig(apiserver.Codecs)
      cfg.EffectiveVersion = compatibility.DefaultBuildEffectiveVersion()
      cfg.FeatureGate = utilfeature.DefaultFeatureGate
      namer := openapi.NewDefinitionNamer(apiserver.OpenAPIScheme)
      cfg.OpenAPIConfig = genericapiserver.DefaultOpenAPIConfig(${V}.GetOpenAPIDefinitions, namer)
      cfg.OpenAPIConfig.Info.Title = ${str(o.name)}
      cfg.OpenAPIConfig.Info.Version = ${V}.Version
      cfg.OpenAPIV3Config = genericapiserver.DefaultOpenAPIV3Config(${V}.GetOpenAPIDefinitions, namer)
      cfg.OpenAPIV3Config.Info.Title = ${str(o.name)}
      cfg.OpenAPIV3Config.Info.Version = ${V}.Version
      if err := opts.ApplyTo(cfg); err != nil {
        klog.Fatal(err)
      }

      server, err := apiserver.New(cfg.Complete())
      if err != nil {
        klog.Fatal(err)
      }
      ctx := genericapiserver.SetupSignalContext()
      if err := server.PrepareRun().RunWithContext(ctx); err != nil {
        klog.Fatal(err)
      }
    }
  `
}

// ---------------------------------------------------------------- project

function names(o: Options) {
  return {
    K: ident(o.kind),
    KS: ident(`${o.kind}Spec`),
    KL: ident(`${o.kind}List`),
    V: ident(o.version),
    MOD: token(o.module),
    n: kindNames(o.kind, o.group),
  }
}

/** OpenAPI model name prefix: the group reversed, then the version (io.k8s.api.apps.v1.). */
function openAPIPrefix(o: Options): string {
  return `${o.group.split(".").reverse().join(".")}.${o.version}.`
}

function generateProject(o: Options): { root: string; files: StarterFile[] } {
  const n = kindNames(o.kind, o.group)
  const apiServiceName = `${o.version}.${o.group}`
  const api = `pkg/apis/${o.version}`
  const files: StarterFile[] = [
    goMod(o.module, ["k8s.io/apiextensions-apiserver", "k8s.io/apimachinery", "k8s.io/apiserver", "k8s.io/klog/v2", "k8s.io/kube-openapi", "github.com/spf13/pflag"]),
    { path: "cmd/server/main.go", content: goMainFile(o) },
    { path: `${api}/types.go`, content: goTypesFile(o) },
    { path: `${api}/register.go`, content: goRegisterFile(o) },
    { path: `${api}/deepcopy.go`, content: goDeepcopyFile(o) },
    { path: `${api}/openapi.go`, content: goOpenAPIFile(o) },
    { path: "pkg/registry/storage.go", content: goStorageFile(o) },
    { path: "pkg/registry/storage_test.go", content: goStorageTestFile(o) },
    { path: "pkg/apiserver/apiserver.go", content: goApiserverFile(o) },
    goDockerfile("cmd/server"),
    goDockerignore(),
    gitignore(["bin/", "certs/"]),
    { path: "deploy/namespace.yaml", content: yamlDoc(namespaceObject(o.namespace)) },
    { path: "deploy/server.yaml", content: yamlDocs(serverObjects(o)) },
    { path: "deploy/certificate.yaml", content: yamlDocs(certManagerObjects(o.name, o.namespace)) },
    { path: "deploy/rbac.yaml", content: yamlDocs(rbacObjects(o)) },
    { path: "deploy/apiservice.yaml", content: yamlDoc(apiServiceObject(o)) },
    kustomization("deploy", { resources: ["namespace.yaml", "server.yaml", "certificate.yaml", "rbac.yaml", "apiservice.yaml"] }),
    {
      path: `deploy/samples/${n.lower}.yaml`,
      content: yamlDoc({ apiVersion: `${o.group}/${o.version}`, kind: o.kind, metadata: { name: "example", namespace: "default" }, spec: { size: 3, color: "green" } }),
    },
    makefile(
      [
        ["IMG", o.image],
        ["KUBECTL", "kubectl"],
      ],
      [
        ...goMakeTargets("cmd/server"),
        {
          name: "run",
          help: "Run locally against the current kubeconfig (self-signed serving certificate in certs/)",
          recipe: [
            "go run ./cmd/server --secure-port=8443 --kubeconfig=$${KUBECONFIG:-$$HOME/.kube/config} --authentication-kubeconfig=$${KUBECONFIG:-$$HOME/.kube/config} --authorization-kubeconfig=$${KUBECONFIG:-$$HOME/.kube/config}",
          ],
        },
        { name: "deploy", help: "Apply deploy/ (needs cert-manager)", recipe: ["$(KUBECTL) apply -k deploy"] },
        {
          name: "undeploy",
          help: "Remove the APIService first, then the server",
          // An APIService whose server is gone turns Unavailable, and an Unavailable APIService
          // blocks every namespace deletion in the cluster: it goes first.
          recipe: [`$(KUBECTL) delete apiservice ${apiServiceName} --ignore-not-found --wait`, "$(KUBECTL) delete -k deploy --ignore-not-found"],
        },
      ],
    ),
    readme({
      mechanism: "api-aggregation",
      title: `Aggregated API: ${o.group}/${o.version}`,
      what:
        `An extension API server for \`${o.group}/${o.version}\` (resource \`${n.plural}\`, kind \`${o.kind}\`) behind kube-apiserver's aggregation layer, ` +
        "built like kubernetes/sample-apiserver on `k8s.io/apiserver`'s generic server. " +
        `The APIService \`${apiServiceName}\` makes kube-apiserver proxy the group to the Service \`${o.namespace}/${o.name}\`. ` +
        "The server keeps its objects in memory (custom REST storage, no etcd of its own) with create, get, list, update, patch, delete, watch and deletecollection; " +
        "delegates authentication (TokenReview, front-proxy client certificates) and authorization (SubjectAccessReview) to kube-apiserver; " +
        "publishes OpenAPI v2 and v3 (`kubectl explain`), table output (`kubectl get`, `-o wide`) and reloads its serving certificate when the files change.",
      k8s: o.k8s,
      versionNotes: [
        "`apiregistration.k8s.io/v1` APIService is GA since Kubernetes 1.10 and unchanged on 1.30–1.37.",
        "Built on k8s.io/apiserver v0.37 (Kubernetes 1.37); an aggregated server talks to kube-apiserver 1.30–1.37 through stable APIs (TokenReview, SubjectAccessReview, flowcontrol v1).",
        "Objects live in the process: each replica has its own, and they are gone after a restart. Replace pkg/registry with the data your API computes or keeps.",
      ],
      files: [
        { path: "cmd/server/main.go", purpose: "options (secure serving, delegated authn/authz, API Priority and Fairness), OpenAPI, run" },
        { path: `${api}/`, purpose: "the types, their scheme registration, deep-copy functions and OpenAPI definitions" },
        { path: "pkg/registry/storage.go", purpose: "in-memory REST storage: validation, resourceVersions, watch, table columns" },
        { path: "pkg/registry/storage_test.go", purpose: "storage tests (`go test ./...`)" },
        { path: "pkg/apiserver/apiserver.go", purpose: "scheme, codecs and the generic server with the API group installed" },
        { path: "deploy/apiservice.yaml", purpose: `APIService ${apiServiceName} (caBundle injected by cert-manager)` },
        { path: "deploy/server.yaml", purpose: "ServiceAccount, Deployment (non-root, probes, resources) and Service" },
        { path: "deploy/certificate.yaml", purpose: `cert-manager Issuer + serving Certificate for ${o.name}.${o.namespace}.svc` },
        { path: "deploy/rbac.yaml", purpose: "system:auth-delegator, extension-apiserver-authentication-reader (kube-system), flow-control reader" },
        { path: `deploy/samples/${n.lower}.yaml`, purpose: `a ${o.kind} to create` },
      ],
      build: ["make test", "make build", "make docker-build docker-push"],
      deploy: [
        "# needs cert-manager (https://cert-manager.io) for the serving certificate and the APIService caBundle",
        "make deploy",
        `kubectl wait --for=condition=Available apiservice/${apiServiceName} --timeout=120s`,
      ],
      test: ["make test"],
      try: [
        `kubectl apply -f deploy/samples/${n.lower}.yaml`,
        `kubectl get ${n.plural} -A`,
        `kubectl get ${n.plural} -n default -o wide`,
        `kubectl get ${n.plural} -n default --watch   # Ctrl-C to stop`,
        `kubectl explain ${n.plural}.spec`,
        `kubectl get --raw /apis/${o.group}/${o.version}`,
      ],
      removeNotes: [
        `The APIService goes first: while \`${apiServiceName}\` points at a server that is gone it is Unavailable, and kube-apiserver cannot finish discovery, ` +
          "so the namespace controller cannot delete any namespace in the cluster. `make undeploy` deletes the APIService, then the server, its RBAC and namespace.",
      ],
      remove: [`kubectl delete -f deploy/samples/${n.lower}.yaml --ignore-not-found`, "make undeploy"],
      extra: [
        {
          heading: "Certificates",
          body: [
            `kube-apiserver verifies the server against \`spec.caBundle\` of the APIService (\`insecureSkipTLSVerify\` stays false). The manifests leave \`caBundle\` out: cert-manager's cainjector fills it from the Certificate named in the annotation \`cert-manager.io/inject-ca-from: ${o.namespace}/${o.name}-serving\`.`,
            "",
            `Without cert-manager, create the Secret \`${o.name}-tls\` yourself, drop the annotation and set \`spec.caBundle\` to the base64-encoded PEM of the CA that signed the serving certificate.`,
            "",
            "The server reloads `--tls-cert-file`/`--tls-private-key-file` when they change, and reads the front-proxy CA and allowed names from the ConfigMap `kube-system/extension-apiserver-authentication` (kept current), so rotations need no restart.",
          ],
        },
      ],
      nextSteps: [
        `Add your own fields in \`${api}/types.go\`, \`openapi.go\` and the validation in pkg/registry; generate deep-copy and OpenAPI code (deepcopy-gen, openapi-gen) once the types grow.`,
        "Add a second version with an internal type and conversion functions (see kubernetes/sample-apiserver) before changing a served version.",
        "Turn on admission (RecommendedOptions.Admission) if the cluster's webhooks and policies should apply to your resources.",
        "Discovery must answer within 5 seconds, or kube-apiserver marks the APIService unavailable.",
      ],
    }),
  ]
  return { root: o.name, files }
}

export const apiAggregationStarter = defineStarter({
  id: "api-aggregation",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generateProject,
})
