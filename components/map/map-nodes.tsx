"use client"

import { Handle, type NodeProps } from "@xyflow/react"
import { useTranslations } from "next-intl"
import { memo } from "react"

import { POINT_IDS } from "@/lib/catalog/types"

import {
  directionForKey,
  handleSpecs,
  type ComponentKey,
  type ComponentNode,
  type PointNode,
  type StageNode,
} from "./map-graph"
import { PANEL_HEADING_ID, PANEL_ID, focusLater, focusPointButton } from "./map-ids"
import { useMapStore } from "./map-store-provider"

function Handles({ width, height }: { width?: number; height?: number }) {
  return (
    <>
      {handleSpecs(width ?? 0, height ?? 0).map((h) => (
        <Handle
          key={h.id}
          id={h.id}
          type={h.type}
          position={h.position}
          isConnectable={false}
          className="!pointer-events-none !min-h-0 !min-w-0 !border-0 !bg-transparent"
          style={{ width: h.width, height: h.height }}
        />
      ))}
    </>
  )
}

// POINTS --------------------------------------------------------------------------------------

function PointNodeView({ data, width, height }: NodeProps<PointNode>) {
  const t = useTranslations("map")
  const version = useMapStore((s) => s.version)
  const select = useMapStore((s) => s.select)
  return (
    <>
      <Handles width={width} height={height} />
      <button
        type="button"
        // nokey: React Flow ignores key presses here (Space must not start panning).
        // pointer-events-auto: React Flow turns pointer events off on non-selectable nodes.
        className={`nokey nodrag nopan pointer-events-auto flex h-full w-full items-center rounded-xl border-2 text-left ${data.compact ? "gap-1.5 px-1.5" : "gap-2 px-2"} shadow-sm transition-colors ${
          data.selected
            ? "border-brand-strong bg-blue-50 ring-4 ring-brand/40 dark:bg-blue-950"
            : data.number === null
              ? "border-dashed border-[var(--muted-foreground)] bg-[var(--card)] hover:border-brand"
              : "border-brand bg-[var(--card)] hover:bg-blue-50 dark:hover:bg-blue-950"
        }`}
        data-point-button={data.pointId}
        data-testid={`map-point-${data.pointId}`}
        aria-expanded={data.selected}
        aria-controls={data.selected ? PANEL_ID : undefined}
        onClick={() => {
          if (data.selected) {
            select(null)
            return
          }
          select(data.pointId)
          // No scroll: below lg the panel is a sheet, and the diagram scrolls the point above it.
          focusLater(() => document.getElementById(PANEL_HEADING_ID)?.focus({ preventScroll: true }))
        }}
        onKeyDown={(event) => {
          // Arrows move by the drawn layout; Home/End go to the first/last point in reading order.
          const direction = directionForKey(event.key)
          const target =
            direction !== null
              ? data.neighbours[direction]
              : event.key === "Home"
                ? POINT_IDS[0]
                : event.key === "End"
                  ? POINT_IDS[POINT_IDS.length - 1]
                  : undefined
          if (direction === null && target === undefined) return
          event.preventDefault()
          event.stopPropagation()
          if (target) focusPointButton(target, event.currentTarget)
        }}
      >
        <span
          aria-hidden="true"
          className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold ${data.compact ? "h-7 w-7 text-base" : "h-9 w-9 text-lg"} ${
            data.number === null ? "border-2 border-dashed border-[var(--muted-foreground)]" : "bg-brand-strong text-white"
          }`}
        >
          {data.number ?? "⚙"}
        </span>
        {/* The button's name is its text: visible parts plus context for screen readers. */}
        <span className="flex min-w-0 flex-col leading-tight">
          <span className={`font-semibold ${data.compact ? "line-clamp-3 text-[12px]" : "line-clamp-2 text-[13px]"}`}>
            {data.number !== null ? <span className="sr-only">{`${t("point.srPrefix")} ${data.number}: `}</span> : null}
            {data.name}
          </span>
          <span className="text-[11px] text-[var(--muted-foreground)]">
            <span className="sr-only">. </span>
            {t("point.count", { available: data.available, total: data.total })}
            <span className="sr-only">{` ${t("point.srVersion", { version })}`}</span>
          </span>
        </span>
      </button>
      {data.badge ? (
        <span
          data-testid={`map-point-badge-${data.pointId}`}
          className={`absolute -top-3 whitespace-nowrap ${data.side === "left" ? "left-2" : data.compact ? "right-0" : "right-2"} rounded-full border border-[var(--border)] bg-[var(--card)] font-medium shadow-sm ${
            data.compact ? "px-1.5 text-[10px]" : "px-2 text-[11px]"
          }`}
        >
          {t("point.badge", { count: data.badge.count, risks: data.badge.risks })}
        </span>
      ) : null}
    </>
  )
}

// COMPONENTS ----------------------------------------------------------------------------------

type DetailKey =
  | "apiserverDetail"
  | "schedulerDetail"
  | "controllersDetail"
  | "kubeletDetail"
  | "networkDetail"
  | "devicesDetail"

const DETAIL_KEY: Partial<Record<ComponentKey, DetailKey>> = {
  apiserver: "apiserverDetail",
  scheduler: "schedulerDetail",
  controllers: "controllersDetail",
  kubeletA: "kubeletDetail",
  kubeletB: "kubeletDetail",
  network: "networkDetail",
  devices: "devicesDetail",
}

const COMPONENT_STYLE: Record<ComponentKey, string> = {
  kubectl: "border-emerald-700 bg-emerald-50 dark:bg-emerald-950",
  clientGo: "border-emerald-700 bg-emerald-50 dark:bg-emerald-950",
  apiserver: "border-slate-600 bg-slate-100 dark:bg-slate-800 [clip-path:polygon(0_0,100%_0,96%_100%,4%_100%)]",
  resources: "border-emerald-700 bg-emerald-50 dark:bg-emerald-950",
  scheduler: "border-gray-700 bg-[var(--card)]",
  controllers: "border-blue-700 bg-blue-50 dark:bg-blue-950",
  kubeletA: "border-blue-800 bg-blue-100 dark:bg-blue-900",
  kubeletB: "border-blue-800 bg-blue-100 dark:bg-blue-900",
  network: "border-sky-700 bg-sky-50 dark:bg-sky-950",
  devices: "border-indigo-700 bg-indigo-50 dark:bg-indigo-950",
}

function ComponentIcon({ component }: { component: ComponentKey }) {
  const common = { width: 22, height: 22, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 1.8, "aria-hidden": true } as const
  switch (component) {
    case "kubectl":
    case "clientGo":
      return (
        <svg {...common}>
          <rect x="4" y="5" width="16" height="11" rx="1.5" />
          <path d="M2 19h20" />
        </svg>
      )
    case "apiserver":
      return (
        <svg {...common}>
          <path d="M3 6h18l-2 12H5z" />
        </svg>
      )
    case "resources":
      return (
        <svg {...common}>
          <ellipse cx="12" cy="6" rx="7" ry="2.5" />
          <path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
        </svg>
      )
    case "scheduler":
      return (
        <svg {...common}>
          <path d="M4 20V10h5V4h5v6h6v10zM4 15h16M9 10v10M14 10v10" />
        </svg>
      )
    case "controllers":
      return (
        <svg {...common}>
          <path d="M20 12a8 8 0 0 1-13.7 5.7M4 12a8 8 0 0 1 13.7-5.7M18 3v4h-4M6 21v-4h4" />
        </svg>
      )
    case "kubeletA":
    case "kubeletB":
      return (
        <svg {...common}>
          <rect x="3" y="7" width="18" height="10" rx="1.5" />
          <path d="M7 12h.01M11 12h.01M15 12h.01" />
        </svg>
      )
    case "network":
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="2" />
          <circle cx="18" cy="7" r="2" />
          <circle cx="12" cy="13" r="2" />
          <circle cx="7" cy="19" r="2" />
          <circle cx="18" cy="18" r="2" />
          <path d="M7.5 7.5l3 4M16.3 8.2l-2.8 3.4M10.7 14.5l-2.5 3M13.8 14.2l2.6 2.4" />
        </svg>
      )
    case "devices":
      return (
        <svg {...common}>
          <rect x="6" y="3" width="12" height="18" rx="1" />
          <path d="M6 8h12M6 13h12M9 17.5h.01M12 17.5h.01M15 17.5h.01" />
        </svg>
      )
  }
}

function ComponentNodeView({ data, width, height }: NodeProps<ComponentNode>) {
  const t = useTranslations("map.components")
  const detail = DETAIL_KEY[data.component]
  return (
    <>
      <Handles width={width} height={height} />
      <div
        className={`flex h-full w-full items-center justify-center rounded-lg border-2 text-center text-[var(--foreground)] ${
          data.compact ? "gap-2 px-1.5" : "gap-3 px-3"
        } ${COMPONENT_STYLE[data.component]}`}
      >
        {/* Narrow drawing: no icon, smaller type, so the names fit a phone-width column. */}
        {data.compact ? null : <ComponentIcon component={data.component} />}
        <div className="flex min-w-0 flex-col leading-tight">
          <span
            className={`font-semibold ${data.compact ? "text-[13px]" : ""} ${
              data.component === "apiserver" || data.component.startsWith("kubelet") || data.component === "kubectl" || data.component === "clientGo" || data.component === "scheduler"
                ? "font-mono"
                : ""
            }`}
          >
            {t(data.component)}
          </span>
          {detail ? <span className={`${data.compact ? "text-[11px]" : "text-xs"} text-[var(--muted-foreground)]`}>{t(detail)}</span> : null}
          {/* Resource paths are API names, the same in every language. */}
          {data.component === "resources" && !data.compact ? (
            <span className="font-mono text-xs text-[var(--muted-foreground)]">/pods /nodes /deployments …</span>
          ) : null}
        </div>
      </div>
    </>
  )
}

// REQUEST PATH --------------------------------------------------------------------------------

function StageNodeView({ data, width, height }: NodeProps<StageNode>) {
  const t = useTranslations("map")
  return (
    <>
      <Handles width={width} height={height} />
      <div
        data-testid={`map-stage-${data.stage}`}
        className="flex h-full w-full flex-col gap-1 overflow-hidden rounded-lg border-2 border-slate-600 bg-[var(--card)] px-2 py-1.5 text-[var(--foreground)]"
      >
        <div className="flex items-baseline gap-1.5">
          <span className="whitespace-nowrap rounded bg-slate-700 px-1.5 text-[10px] font-bold text-white">{t("stage.step", { step: data.step })}</span>
          <span className="truncate text-xs font-semibold leading-tight">{t(`stageShort.${data.stage}`)}</span>
        </div>
        {data.mechanisms.length === 0 ? (
          <span className="text-[11px] text-[var(--muted-foreground)]">{t("stage.none")}</span>
        ) : (
          <ul className="space-y-0.5">
            {data.mechanisms.map((m) => (
              <li
                key={m.id}
                data-availability={m.availability}
                className={`text-[11px] leading-tight [overflow-wrap:anywhere] ${
                  m.availability === "available"
                    ? ""
                    : m.availability === "unavailable"
                      ? "text-[var(--muted-foreground)] line-through decoration-1"
                      : "text-[var(--muted-foreground)] italic"
                }`}
              >
                {m.name}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  )
}

export const MAP_NODE_TYPES = {
  point: memo(PointNodeView),
  component: memo(ComponentNodeView),
  stage: memo(StageNodeView),
}
