// Smoke tests for the real test cluster: proves the self-built kube-apiserver behaves like a
// real 1.37 control plane for the things the starter generator and inspector rely on.
import https from "node:https"
import {
  AdmissionregistrationV1Api,
  ApiException,
  ApiextensionsV1Api,
  ApiregistrationV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  VersionApi,
  Watch,
  type KubeConfig,
  type V1APIService,
  type V1CustomResourceDefinition,
  type V1Deployment,
} from "@kubernetes/client-node"
import { describe, expect, it } from "vitest"
import { adminKubeConfig, limitedKubeConfig, testServerUrl, uniqueName } from "./test-cluster"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const v = await fn()
      if (v !== undefined) return v
    } catch (err) {
      lastError = err
    }
    await sleep(250)
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`)
}

/** Resolves to the HTTP status of a rejected client-node call (ApiException), or fails. */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p
    return 200
  } catch (err) {
    if (err instanceof ApiException) return err.code
    throw err
  }
}

/** Raw authenticated GET (for what client-node does not model, e.g. aggregated discovery). */
async function rawGet(kc: KubeConfig, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const opts: https.RequestOptions = { headers }
  await kc.applyToHTTPSOptions(opts)
  return new Promise((resolve, reject) => {
    https
      .get(new URL(path, testServerUrl()), opts, (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      })
      .on("error", reject)
  })
}

describe("real test cluster", () => {
  const admin = adminKubeConfig()
  const limited = limitedKubeConfig()

  it("binds to 127.0.0.1 and serves Kubernetes 1.37", async () => {
    expect(new URL(testServerUrl()).hostname).toBe("127.0.0.1")
    const version = await admin.makeApiClient(VersionApi).getCode()
    expect(version.major).toBe("1")
    expect(version.minor).toBe("37")
    expect(version.gitVersion).toMatch(/^v1\.37\.\d+$/)
  })

  it("serves consistent watch-list with bookmarks (etcd supports RequestWatchProgress)", async () => {
    // sendInitialEvents needs RequestWatchProgress, which the apiserver enables only for etcd
    // >= 3.4.31/3.5.13; older etcd (e.g. Debian's 3.4.23) makes this watch fail with a 500.
    const events: string[] = []
    let endBookmark = false
    const ctl = await new Watch(admin).watch(
      "/api/v1/namespaces",
      { sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: "NotOlderThan" },
      (phase, obj: { metadata?: { name?: string; annotations?: Record<string, string> } }) => {
        if (phase === "BOOKMARK" && obj.metadata?.annotations?.["k8s.io/initial-events-end"] === "true") endBookmark = true
        else if (obj.metadata?.name) events.push(`${phase}:${obj.metadata.name}`)
      },
      () => {},
    )
    try {
      await eventually("initial-events-end bookmark", async () => (endBookmark ? true : undefined), 10_000)
    } finally {
      ctl.abort()
    }
    expect(events).toContain("ADDED:default")
    expect(events).toContain("ADDED:kube-system")
  })

  it("creates a CRD and serves its custom resources", async () => {
    const group = `${uniqueName("smoke")}.example.com`
    const crd: V1CustomResourceDefinition = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: "Namespaced",
        names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
        versions: [
          {
            name: "v1alpha1",
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: "object",
                properties: { spec: { type: "object", properties: { size: { type: "integer", minimum: 1 } } } },
              },
            },
          },
        ],
      },
    }
    const ext = admin.makeApiClient(ApiextensionsV1Api)
    await ext.createCustomResourceDefinition({ body: crd })
    const established = await eventually("CRD Established", async () => {
      const got = await ext.readCustomResourceDefinition({ name: crd.metadata!.name! })
      return got.status?.conditions?.find((c) => c.type === "Established" && c.status === "True")
    })
    expect(established.status).toBe("True")

    const custom = admin.makeApiClient(CustomObjectsApi)
    const created = (await eventually("custom resource create", () =>
      custom.createNamespacedCustomObject({
        group,
        version: "v1alpha1",
        namespace: "default",
        plural: "widgets",
        body: { apiVersion: `${group}/v1alpha1`, kind: "Widget", metadata: { name: "w1" }, spec: { size: 3 } },
      }),
    )) as { metadata: { uid: string } }
    expect(created.metadata.uid).toBeTruthy()
    const list = (await custom.listNamespacedCustomObject({ group, version: "v1alpha1", namespace: "default", plural: "widgets" })) as {
      items: { metadata: { name: string } }[]
    }
    expect(list.items.map((i) => i.metadata.name)).toEqual(["w1"])

    // The structural schema is enforced (minimum: 1), proving validation runs server-side.
    const invalid = custom.createNamespacedCustomObject({
      group,
      version: "v1alpha1",
      namespace: "default",
      plural: "widgets",
      body: { apiVersion: `${group}/v1alpha1`, kind: "Widget", metadata: { name: "w2" }, spec: { size: 0 } },
    })
    expect(await statusOf(invalid)).toBe(422)
  })

  it("reports an APIService backed by a missing Service as Available=False", async () => {
    const group = `${uniqueName("agg")}.example.com`
    const apiService: V1APIService = {
      apiVersion: "apiregistration.k8s.io/v1",
      kind: "APIService",
      metadata: { name: `v1alpha1.${group}` },
      spec: {
        group,
        version: "v1alpha1",
        service: { namespace: "default", name: "no-such-service", port: 443 },
        groupPriorityMinimum: 1000,
        versionPriority: 15,
        insecureSkipTLSVerify: true,
      },
    }
    const reg = admin.makeApiClient(ApiregistrationV1Api)
    await reg.createAPIService({ body: apiService })
    const available = await eventually("Available condition", async () => {
      const got = await reg.readAPIServiceStatus({ name: apiService.metadata!.name! })
      return got.status?.conditions?.find((c) => c.type === "Available")
    })
    expect(available.status).toBe("False")
    expect(available.reason).toBe("ServiceNotFound")

    // Aggregated discovery (apidiscovery.k8s.io/v2) lists the group but marks it Stale.
    type Discovery = { kind: string; items: { metadata: { name: string }; versions: { version: string; freshness?: string }[] }[] }
    const stale = await eventually("Stale discovery entry", async () => {
      const res = await rawGet(admin, "/apis", {
        Accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
      })
      const doc = JSON.parse(res.body) as Discovery
      expect(doc.kind).toBe("APIGroupDiscoveryList")
      return doc.items.find((g) => g.metadata.name === group)?.versions.find((v) => v.freshness === "Stale")
    })
    expect(stale.version).toBe("v1alpha1")
  })

  it("gives the limited user 403 on what it may not list, 200 on what it may", async () => {
    const namespaces = await limited.makeApiClient(CoreV1Api).listNamespace()
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain("kube-system")
    expect(await statusOf(limited.makeApiClient(CoreV1Api).listNode())).toBe(200)

    expect(await statusOf(limited.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition())).toBe(403)
    expect(await statusOf(limited.makeApiClient(AdmissionregistrationV1Api).listValidatingWebhookConfiguration())).toBe(403)
    expect(await statusOf(limited.makeApiClient(CoreV1Api).listSecretForAllNamespaces())).toBe(403)

    // client-node 1.4 puts the raw Status JSON string in ApiException.body.
    try {
      await limited.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition()
      expect.unreachable("limited user listed CRDs")
    } catch (err) {
      expect(err).toBeInstanceOf(ApiException)
      const status = JSON.parse((err as ApiException<string>).body) as { reason: string; message: string }
      expect(status.reason).toBe("Forbidden")
      expect(status.message).toContain('User "test-limited" cannot list resource "customresourcedefinitions"')
    }
  })

  it("server-side dry-run create returns the defaulted Deployment and stores nothing", async () => {
    const name = uniqueName("dry")
    const body: V1Deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name },
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: "app", image: "registry.example.com/app:1.0.0" }] },
        },
      },
    }
    const apps = admin.makeApiClient(AppsV1Api)
    const dry = await apps.createNamespacedDeployment({ namespace: "default", body, dryRun: "All" })
    // Defaults filled in by the apiserver, not by us.
    expect(dry.spec?.replicas).toBe(1)
    expect(dry.spec?.revisionHistoryLimit).toBe(10)
    expect(dry.spec?.progressDeadlineSeconds).toBe(600)
    expect(dry.spec?.strategy?.type).toBe("RollingUpdate")
    expect(dry.spec?.template.spec?.restartPolicy).toBe("Always")
    expect(dry.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe("IfNotPresent")
    expect(dry.spec?.template.spec?.containers[0]?.terminationMessagePath).toBe("/dev/termination-log")
    expect(dry.metadata?.uid).toBeTruthy()

    expect(await statusOf(apps.readNamespacedDeployment({ name, namespace: "default" }))).toBe(404)
    const all = await apps.listNamespacedDeployment({ namespace: "default" })
    expect(all.items.map((d) => d.metadata?.name)).not.toContain(name)
  })
})
