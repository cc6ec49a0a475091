// Point 1: client extensions (kubectl plugins, client-go credential plugins).
import { GA, aliases, atLeast, everyMinor, l, perMinor } from "../helpers"
import type { Mechanism } from "../types"

export const kubectlPlugin: Mechanism = {
  id: "kubectl-plugin",
  point: "1",
  name: l("kubectl plugin", "kubectl 插件"),
  summary: l(
    "An executable named kubectl-<name> on your PATH that adds a new kubectl subcommand.",
    "放在 PATH 中、名为 kubectl-<名称> 的可执行文件，为 kubectl 添加新的子命令。",
  ),
  aliases: aliases(
    ["kubectl", "plugin", "krew", "subcommand", "CLI", "command line", "cli-runtime"],
    ["kubectl 插件", "插件", "子命令", "命令行", "客户端扩展", "krew"],
  ),
  runsWhere: l("On the user's machine, started by kubectl", "在用户自己的机器上，由 kubectl 启动"),
  installer: "client-user",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works with any cluster: nothing is installed in the cluster.",
      "适用于任何集群：不需要在集群中安装任何东西。",
    ),
  },
  apiObjects: [],
  // source: kubernetes-1.34-1.37-changes.md §1 (kuberc beta 1.34; KUBECTL_PATH in 1.37, #138694)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "kubectl also sets KUBECTL_PATH in the plugin's environment.",
          "kubectl 还会在插件环境中设置 KUBECTL_PATH。",
        )
      : atLeast(minor, "1.34")
        ? l(
            "kuberc (~/.kube/kuberc) is beta and on: aliases run before plugins.",
            "kuberc（~/.kube/kuberc）为 Beta 且默认启用：别名优先于插件。",
          )
        : undefined,
  })),
  failureMode: l(
    "Only the user who installed it is affected: the subcommand fails or is missing. A plugin earlier on PATH silently shadows one with the same name.",
    "只影响安装它的用户：子命令失败或不存在。PATH 中靠前的同名插件会悄悄遮蔽后面的插件。",
  ),
  docPath: "/docs/tasks/extend-kubectl/kubectl-plugins/",
  related: ["exec-credential-plugin"],
}

export const execCredentialPlugin: Mechanism = {
  id: "exec-credential-plugin",
  point: "1",
  name: l("client-go credential (exec) plugin", "client-go 凭据（exec）插件"),
  summary: l(
    "A program referenced from kubeconfig that kubectl and client-go run to obtain a token or client certificate.",
    "在 kubeconfig 中引用的程序，kubectl 和 client-go 运行它来获取令牌或客户端证书。",
  ),
  aliases: aliases(
    ["credential plugin", "exec plugin", "ExecCredential", "kubeconfig", "login", "token", "SSO", "OIDC", "client-go"],
    ["凭据插件", "exec 插件", "登录", "令牌", "单点登录", "身份认证", "客户端扩展"],
  ),
  runsWhere: l(
    "On the user's machine, started by kubectl or any client-go program",
    "在用户机器上，由 kubectl 或任何 client-go 程序启动",
  ),
  installer: "client-user",
  managedClusters: {
    availability: "yes",
    note: l(
      "Managed providers ship such plugins for their own login; the server must accept the credential it returns.",
      "托管服务商自己的登录工具就是这类插件；API 服务器必须接受插件返回的凭据。",
    ),
  },
  apiObjects: [
    {
      kind: "ExecCredential",
      apiVersions: everyMinor("client.authentication.k8s.io/v1"),
      form: "wire",
      note: l(
        "Input in KUBERNETES_EXEC_INFO, output on stdout. v1beta1 is still accepted.",
        "输入通过 KUBERNETES_EXEC_INFO 传入，输出写到标准输出。仍接受 v1beta1。",
      ),
    },
    {
      kind: "Config",
      apiVersions: everyMinor("v1"),
      form: "config-file",
      note: l("kubeconfig: users[].user.exec", "kubeconfig 文件中的 users[].user.exec"),
    },
  ],
  // source: kubernetes-extension-facts.md §3.2 (stable 1.22); changes doc §1 (policy beta 1.35, allowlist key `command` 1.36)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.36")
      ? l(
          "kuberc credentialPluginPolicy / credentialPluginAllowlist can restrict which plugins run; allowlist entries use the key `command`.",
          "kuberc 的 credentialPluginPolicy / credentialPluginAllowlist 可限制允许运行的插件；允许列表条目使用 `command` 键。",
        )
      : atLeast(minor, "1.35")
        ? l(
            "Beta credential-plugin policy in kuberc (credentialPluginPolicy, allowlist key `name`).",
            "kuberc 中提供 Beta 的凭据插件策略（credentialPluginPolicy，允许列表键为 `name`）。",
          )
        : undefined,
  })),
  failureMode: l(
    "If the plugin fails or is missing, that user's requests fail with an authentication error; other users are unaffected.",
    "插件失败或缺失时，该用户的请求会因身份认证错误而失败；其他用户不受影响。",
  ),
  docPath: "/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins",
  related: ["authentication-webhook", "structured-authentication", "kubectl-plugin"],
}

export const CLIENT_MECHANISMS: readonly Mechanism[] = [kubectlPlugin, execCredentialPlugin]
