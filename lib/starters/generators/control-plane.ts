// Control-plane starters change the flags of kube-apiserver or kube-scheduler. On kubeadm those
// run as static Pods, so "add this flag" means editing /etc/kubernetes/manifests/<component>.yaml:
// the flag, a hostPath volume for the files it names (kubeadm mounts only its own directories)
// and the volumeMount. This module generates the script that does exactly that, reversibly, plus
// the README sections that run it. Edits use `kubectl patch --local` (no cluster needed, output is
// the whole Pod) for additions and line edits for removals; kubeadm writes one flag per line.
import { text, token } from "../code"
import type { ReadmeSection } from "../builders"
import type { StarterFile } from "../types"

export type Component = "kube-apiserver" | "kube-scheduler"

/** One change to the component's command line. */
export type FlagEdit =
  /** `--flag=value`; refuses to overwrite a different existing value (the user must merge). */
  | { op: "set"; flag: string; value: string }
  /** Adds `item` to a comma-separated list flag (creates the flag when missing). */
  | { op: "append"; flag: string; item: string }
  /**
   * Mutually exclusive flags: add puts `--with=value` in the place of `--flag=…` (or appends it),
   * remove puts `--flag=` back with the value from the backup, else `restore`.
   */
  | { op: "replace"; flag: string; with: string; value: string; restore: string }
  /** Refuses to run while any flag with this prefix is set (conflicting configuration). */
  | { op: "refuse"; prefix: string; reason: string }

export type ManifestEdit = {
  component: Component
  /** Name of the change: backup suffix and volume name. */
  name: string
  edits: readonly FlagEdit[]
  /** Host directory mounted read-only at the same path in the component's container. */
  mountDir: string
}

const FLAG = /^[a-z][a-z0-9-]*$/

export function manifestScriptPath(component: Component): string {
  return `hack/${component}-manifest.sh`
}

/** hack/<component>-manifest.sh add|remove [manifest] */
export function manifestScript(m: ManifestEdit): StarterFile {
  for (const e of m.edits) {
    const f = e.op === "refuse" ? e.prefix.replace(/-$/, "") : e.flag
    if (!FLAG.test(f) || (e.op === "replace" && !FLAG.test(e.with))) throw new Error(`bad flag ${f}`)
  }
  const T = { component: token(m.component), name: token(m.name), dir: token(m.mountDir) }
  const add: string[] = []
  const remove: string[] = []
  for (const e of m.edits) {
    switch (e.op) {
      case "set":
        token(e.value)
        add.push(`add_flag ${e.flag} ${e.value}`)
        remove.push(`drop_flag ${e.flag}`)
        break
      case "append":
        token(e.item)
        add.push(`append_item ${e.flag} ${e.item}`)
        remove.push(`remove_item ${e.flag} ${e.item}`)
        break
      case "replace":
        token(e.restore)
        token(e.value)
        add.push(`swap_flag ${e.flag} ${e.with} ${e.value}`)
        remove.push(`unswap_flag ${e.with} ${e.flag} ${e.restore}`)
        break
      case "refuse":
        if (/["'$`\\\n]/.test(e.reason)) throw new Error("unsafe reason")
        add.unshift(`refuse_prefix ${e.prefix} '${e.reason}'`)
        break
    }
  }
  // Removal undoes the additions in reverse order.
  remove.reverse()
  const body = (cmds: string[]) => cmds.map((c) => `    ${c}`).join("\n")
  const content =
    text`
      #!/usr/bin/env bash
      # Edits ${T.component}'s static Pod manifest on a kubeadm control-plane node.
      #   add:    the flags this starter needs and a read-only hostPath mount of ${T.dir}
      #   remove: undoes exactly that
      # The kubelet restarts ${T.component} when the manifest changes. The original is kept as
      # /etc/kubernetes/${T.component}.yaml.bak-${T.name}, outside the manifests directory (the kubelet
      # would run a second copy of anything inside it). kubeadm regenerates the manifest on
      # \`kubeadm upgrade\`: put the same flags and volume into ClusterConfiguration's extraArgs and
      # extraVolumes, or run this script again after an upgrade.
      # Usage: sudo hack/${T.component}-manifest.sh add|remove [manifest]
      set -euo pipefail
      KUBECTL="\${KUBECTL:-kubectl}"
      action="\${1:-}"
      manifest="\${2:-/etc/kubernetes/manifests/${T.component}.yaml}"
      volume=${T.name}
      dir=${T.dir}
      case "$action" in add | remove) ;; *) echo "usage: $0 add|remove [manifest]" >&2; exit 2 ;; esac
      [ -f "$manifest" ] || { echo "$manifest not found: run this on a kubeadm control-plane node" >&2; exit 1; }
      backup="$(dirname "$(dirname "$manifest")")/$(basename "$manifest").bak-$volume"
      work="$(mktemp)"
      trap 'rm -f "$work" "$work.new"' EXIT
      cp "$manifest" "$work"

      has_flag() { grep -Eq -- "^[[:space:]]*- --$1=" "$work"; }
      flag_value() { sed -n -E "s/^[[:space:]]*- --$1=(.*)$/\\1/p" "$work" | head -n 1; }
      patch() { "$KUBECTL" patch --local -f "$work" --type="$1" -p "$2" -o yaml >"$work.new" && mv "$work.new" "$work"; }
      add_flag() {
        if has_flag "$1"; then
          [ "$(flag_value "$1")" = "$2" ] && return 0
          echo "${T.component} already has --$1=$(flag_value "$1"); merge --$1=$2 into it by hand" >&2
          exit 1
        fi
        patch json "[{\\"op\\":\\"add\\",\\"path\\":\\"/spec/containers/0/command/-\\",\\"value\\":\\"--$1=$2\\"}]"
      }
      drop_flag() { sed -i -E "/^[[:space:]]*- --$1=/d" "$work"; }
      append_item() {
        if ! has_flag "$1"; then add_flag "$1" "$2"; return 0; fi
        case ",$(flag_value "$1")," in *",$2,"*) return 0 ;; esac
        sed -i -E "s/^([[:space:]]*- --$1=.*)$/\\1,$2/" "$work"
      }
      remove_item() {
        sed -i -E -e "s/^([[:space:]]*- --$1=.*),$2(,.*)?$/\\1\\2/" -e "s/^([[:space:]]*- --$1=)$2,/\\1/" -e "/^[[:space:]]*- --$1=$2$/d" "$work"
      }
      swap_flag() {
        if has_flag "$2"; then add_flag "$2" "$3"; return 0; fi
        if has_flag "$1"; then sed -i -E "s|^([[:space:]]*- )--$1=.*$|\\1--$2=$3|" "$work"; else add_flag "$2" "$3"; fi
      }
      unswap_flag() {
        has_flag "$1" || return 0
        local value="$3"
        if [ -f "$backup" ]; then
          value="$(sed -n -E "s/^[[:space:]]*- --$2=(.*)$/\\1/p" "$backup" | head -n 1)"
          value="\${value:-$3}"
        fi
        sed -i -E "s|^([[:space:]]*- )--$1=.*$|\\1--$2=$value|" "$work"
      }
      refuse_prefix() {
        if grep -Eq -- "^[[:space:]]*- --$1" "$work"; then echo "${T.component} has --$1* flags: $2" >&2; exit 1; fi
      }
      add_mount() {
        grep -Eq "^[[:space:]]*path: $dir/?$" "$work" && return 0
        patch json "[{\\"op\\":\\"add\\",\\"path\\":\\"/spec/volumes/-\\",\\"value\\":{\\"name\\":\\"$volume\\",\\"hostPath\\":{\\"path\\":\\"$dir\\",\\"type\\":\\"Directory\\"}}},{\\"op\\":\\"add\\",\\"path\\":\\"/spec/containers/0/volumeMounts/-\\",\\"value\\":{\\"name\\":\\"$volume\\",\\"mountPath\\":\\"$dir\\",\\"readOnly\\":true}}]"
      }
      remove_mount() {
        patch strategic "{\\"spec\\":{\\"volumes\\":[{\\"name\\":\\"$volume\\",\\"\\$patch\\":\\"delete\\"}],\\"containers\\":[{\\"name\\":\\"${T.component}\\",\\"volumeMounts\\":[{\\"mountPath\\":\\"$dir\\",\\"\\$patch\\":\\"delete\\"}]}]}}"
      }

      case "$action" in
        add)
    ` +
    body([...add, "add_mount"]) +
    "\n    ;;\n  remove)\n" +
    body(["remove_mount", ...remove]) +
    "\n    ;;\nesac\n" +
    text`
      if cmp -s "$manifest" "$work"; then echo "$manifest: nothing to change"; exit 0; fi
      [ "$action" = remove ] || [ -e "$backup" ] || cp -p "$manifest" "$backup"
      # Write next to the manifests directory, then rename: the kubelet never sees half a file.
      next="$(dirname "$(dirname "$manifest")")/.$(basename "$manifest").$volume.tmp"
      install -m 0600 "$work" "$next"
      mv "$next" "$manifest"
      echo "$manifest: $action done; the kubelet restarts ${T.component} now"
    `
  return { path: manifestScriptPath(m.component), executable: true, content }
}

/** A fenced shell block. */
export function shBlock(cmds: readonly string[]): string {
  return ["```sh", ...cmds, "```"].join("\n")
}

/** "Try" and "Remove" README sections (with an optional note under each block). */
export function trySections(input: { try: readonly string[]; tryNote?: string; remove: readonly string[]; removeNote?: string }): ReadmeSection[] {
  return [
    { heading: "Try", body: [shBlock(input.try), ...(input.tryNote ? ["", input.tryNote] : [])] },
    { heading: "Remove", body: [shBlock(input.remove), ...(input.removeNote ? ["", input.removeNote] : [])] },
  ]
}

/**
 * kube-apiserver / kube-scheduler static Pod manifests as kubeadm 1.37 writes them (trimmed to the
 * flags and volumes the scripts touch): the fixture the scripts are tested against.
 */
export function kubeadmStaticPod(component: Component): string {
  const flags =
    component === "kube-apiserver"
      ? ["--advertise-address=192.0.2.10", "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction", "--secure-port=6443"]
      : ["--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"]
  const mount = component === "kube-apiserver" ? { name: "k8s-certs", path: "/etc/kubernetes/pki", type: "DirectoryOrCreate" } : { name: "kubeconfig", path: "/etc/kubernetes/scheduler.conf", type: "FileOrCreate" }
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  labels:",
    `    component: ${component}`,
    "    tier: control-plane",
    `  name: ${component}`,
    "  namespace: kube-system",
    "spec:",
    "  containers:",
    "  - command:",
    `    - ${component}`,
    ...flags.map((f) => `    - ${f}`),
    `    image: registry.k8s.io/${component}:v1.37.2`,
    `    name: ${component}`,
    "    volumeMounts:",
    `    - mountPath: ${mount.path}`,
    `      name: ${mount.name}`,
    "      readOnly: true",
    "  hostNetwork: true",
    "  volumes:",
    "  - hostPath:",
    `      path: ${mount.path}`,
    `      type: ${mount.type}`,
    `    name: ${mount.name}`,
    "status: {}",
    "",
  ].join("\n")
}
