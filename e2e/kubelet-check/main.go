// Command kubelet-check runs a kubelet image credential provider through the kubelet's own code
// (k8s.io/kubernetes/pkg/credentialprovider/plugin, the package the kubelet calls before a pull):
// it loads and validates the CredentialProviderConfig, execs the provider binary from --bin-dir
// for images its matchImages select, decodes the CredentialProviderResponse strictly with the
// kubelet's codecs, and matches the returned auth keys against each image. It prints, per image,
// the credentials the kubelet would pull with, as JSON.
//
// Usage: kubelet-check --config FILE --bin-dir DIR [--sa-token TOKEN] IMAGE...
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	authenticationv1 "k8s.io/api/authentication/v1"
	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/kubernetes/pkg/credentialprovider/plugin"
)

type result struct {
	Image       string       `json:"image"`
	Found       bool         `json:"found"`
	Credentials []credential `json:"credentials"`
}

type credential struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func main() {
	config := flag.String("config", "", "CredentialProviderConfig file (--image-credential-provider-config)")
	binDir := flag.String("bin-dir", "", "provider binary directory (--image-credential-provider-bin-dir)")
	saToken := flag.String("sa-token", "service-account-token", "token the fake TokenRequest returns (tokenAttributes providers)")
	flag.Parse()

	tokenRequests := 0
	getToken := func(namespace, name string, tr *authenticationv1.TokenRequest) (*authenticationv1.TokenRequest, error) {
		tokenRequests++
		out := tr.DeepCopy()
		out.Status = authenticationv1.TokenRequestStatus{Token: *saToken, ExpirationTimestamp: metav1.Now()}
		out.Status.ExpirationTimestamp.Time = out.Status.ExpirationTimestamp.Add(3600e9)
		return out, nil
	}
	getSA := func(namespace, name string) (*v1.ServiceAccount, error) {
		return &v1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Namespace: namespace, Name: name, UID: types.UID("sa-uid-1")}}, nil
	}
	if err := plugin.RegisterCredentialProviderPlugins(*config, *binDir, getToken, getSA); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	keyring := plugin.NewExternalCredentialProviderDockerKeyring("default", "pod-1", "pod-uid-1", "default")
	var out []result
	for _, image := range flag.Args() {
		r := result{Image: image, Credentials: []credential{}}
		auths, found := keyring.Lookup(image)
		r.Found = found
		for _, a := range auths {
			r.Credentials = append(r.Credentials, credential{Username: a.Username, Password: a.Password})
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"results": out, "tokenRequests": tokenRequests}); err != nil {
		os.Exit(1)
	}
}
