"use client"

import { memo, useEffect, useMemo, useRef, useState } from "react"
import {
  Background,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react"
import { useLocale, useTranslations } from "next-intl"

import { getMechanism, type Locale } from "@/lib/catalog"
import { getNode, getOutcome, getQuestion, type Evaluation } from "@/lib/advisor"
import { chartLayout, pathHighlight, type ChartNode } from "@/lib/advisor/layout"

import { useAdvisorStore } from "./advisor-provider"

// NODE TYPES ----------------------------------------------------------------------------------

type Common = { onPath: boolean; official: boolean; locale: Locale }
type QuestionFlowNode = Node<Common & { modelId: string; current: boolean }, "question">
type AnswerFlowNode = Node<Common & { modelId: string; answerId: string; enabled: boolean; label: string; aria: string }, "answer">
type SectionFlowNode = Node<Common & { modelId: string }, "section">
type OutcomeFlowNode = Node<Common & { modelId: string; reached: boolean }, "outcome">
type AdvisorFlowNode = QuestionFlowNode | AnswerFlowNode | SectionFlowNode | OutcomeFlowNode

const hidden = "!h-1 !w-1 !min-w-0 !border-0 !bg-transparent"

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </>
  )
}

const QuestionNodeView = memo(function QuestionNodeView({ data }: NodeProps<QuestionFlowNode>) {
  const q = getQuestion(data.modelId)
  const text = q?.text[data.locale] ?? ""
  const base = data.official ? "bg-[#1d4fb8] text-white" : "bg-[var(--card)] text-[var(--foreground)] border-2 border-[#1d4fb8]"
  const ring = data.current ? "ring-4 ring-amber-400" : data.onPath ? "ring-4 ring-emerald-500" : ""
  return (
    <div
      className={`flex h-full w-full items-center justify-center rounded-xl px-3 text-center text-[11px] leading-tight ${base} ${ring}`}
      title={text}
      data-on-path={data.onPath}
      data-current={data.current}
    >
      <Handles />
      <span className="line-clamp-6">{text}</span>
    </div>
  )
})

const AnswerNodeView = memo(function AnswerNodeView({ data }: NodeProps<AnswerFlowNode>) {
  const answer = useAdvisorStore((s) => s.answer)
  const style = data.onPath
    ? "bg-emerald-700 text-white"
    : data.enabled
      ? "bg-[#454545] text-white hover:bg-black"
      : "bg-[var(--muted)] text-[var(--muted-foreground)]"
  return (
    <>
      <Handles />
      <button
        type="button"
        className={`nodrag pointer-events-auto flex h-full w-full items-center justify-center rounded-full px-2 text-center text-[11px] font-semibold leading-tight ${style}`}
        disabled={!data.enabled}
        aria-label={data.aria}
        aria-pressed={data.onPath}
        title={data.label}
        data-on-path={data.onPath}
        onClick={() => answer(data.modelId, data.answerId)}
      >
        <span className="line-clamp-2">{data.label}</span>
      </button>
    </>
  )
})

const SectionNodeView = memo(function SectionNodeView({ data }: NodeProps<SectionFlowNode>) {
  const s = getNode(data.modelId)
  const label = s?.kind === "section" ? s.label[data.locale] : ""
  return (
    <div
      className={`flex h-full w-full items-center justify-center border border-black bg-white px-2 text-center text-xs text-black ${data.onPath ? "ring-4 ring-emerald-500" : ""}`}
      data-on-path={data.onPath}
    >
      <Handles />
      {label}
    </div>
  )
})

const OutcomeNodeView = memo(function OutcomeNodeView({ data }: NodeProps<OutcomeFlowNode>) {
  const o = getOutcome(data.modelId)
  if (!o) return null
  const primary = getMechanism(o.primary).name[data.locale]
  return (
    <div
      className={`flex h-full w-full flex-col justify-center rounded-md border-2 px-2 text-center text-[11px] leading-tight ${
        data.reached ? "border-emerald-600 bg-emerald-50 text-emerald-950" : "border-[var(--border)] bg-[var(--card)] text-[var(--foreground)]"
      }`}
      data-on-path={data.onPath}
      title={o.title[data.locale]}
    >
      <Handles />
      <span className="line-clamp-2 font-semibold">{o.title[data.locale]}</span>
      <span className="line-clamp-1 opacity-80">{primary}</span>
    </div>
  )
})

// Module scope, so React Flow does not see a new nodeTypes object on every render.
const nodeTypes = {
  question: QuestionNodeView,
  answer: AnswerNodeView,
  section: SectionNodeView,
  outcome: OutcomeNodeView,
}

// CHART ------------------------------------------------------------------------------------------

function buildNodes(
  layout: ChartNode[],
  evaluation: Evaluation,
  locale: Locale,
  highlight: ReturnType<typeof pathHighlight>,
  answerAria: (answer: string, question: string) => string,
): AdvisorFlowNode[] {
  const visited = new Set(evaluation.visited)
  const current = evaluation.nextQuestion?.node.id
  return layout.map((c): AdvisorFlowNode => {
    const common = {
      id: c.id,
      position: { x: c.x, y: c.y },
      width: c.width,
      height: c.height,
      draggable: false,
      selectable: false,
      connectable: false,
    }
    const onPath = highlight.nodeIds.has(c.id)
    if (c.kind === "answer") {
      const q = getQuestion(c.modelId)
      const a = q?.answers.find((x) => x.id === c.answerId)
      const label = a?.label[locale] ?? ""
      return {
        ...common,
        type: "answer",
        data: {
          onPath,
          official: c.official,
          locale,
          modelId: c.modelId,
          answerId: c.answerId ?? "",
          // Answers are clickable on questions the path has reached (current or already answered).
          enabled: visited.has(c.modelId),
          label,
          aria: answerAria(label, q?.text[locale] ?? ""),
        },
      }
    }
    if (c.kind === "question") {
      return { ...common, type: "question", data: { onPath, official: c.official, locale, modelId: c.modelId, current: c.modelId === current } }
    }
    if (c.kind === "section") return { ...common, type: "section", data: { onPath, official: c.official, locale, modelId: c.modelId } }
    return {
      ...common,
      type: "outcome",
      data: { onPath, official: false, locale, modelId: c.modelId, reached: evaluation.outcome?.node.id === c.modelId },
    }
  })
}

type Labels = { edge: (from: string, to: string) => string }

/** Visible text of a chart node, for edge names ("From <question> to <answer>"). */
function nodeText(c: ChartNode, locale: Locale): string {
  if (c.kind === "answer") {
    const q = getQuestion(c.modelId)
    return q?.answers.find((a) => a.id === c.answerId)?.label[locale] ?? ""
  }
  if (c.kind === "question") return getQuestion(c.modelId)?.text[locale] ?? ""
  if (c.kind === "section") {
    const s = getNode(c.modelId)
    return s?.kind === "section" ? s.label[locale] : ""
  }
  return getOutcome(c.modelId)?.title[locale] ?? ""
}

function Chart({ evaluation, active, labels }: { evaluation: Evaluation; active: boolean; labels: Labels }) {
  const t = useTranslations("advisor.chart")
  const locale = useLocale() as Locale
  const layout = useMemo(() => chartLayout(), [])
  const highlight = useMemo(() => pathHighlight(evaluation.visited, evaluation.path), [evaluation])
  const nodes = useMemo(
    () => buildNodes(layout.nodes, evaluation, locale, highlight, (answer, question) => t("answerLabel", { answer, question })),
    [layout, evaluation, locale, highlight, t],
  )
  const text = useMemo(() => new Map(layout.nodes.map((n) => [n.id, nodeText(n, locale)])), [layout, locale])
  const edges = useMemo<Edge[]>(
    () =>
      layout.edges.map((e) => {
        const on = highlight.edgeIds.has(e.id)
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          type: "smoothstep",
          focusable: false,
          selectable: false,
          // Named from the visible text of both ends, never from internal ids.
          ariaLabel: labels.edge(text.get(e.source) ?? "", text.get(e.target) ?? ""),
          style: on ? { stroke: "#047857", strokeWidth: 3 } : { stroke: "#9ca3af", strokeWidth: 1 },
          zIndex: on ? 1 : 0,
          className: on ? "advisor-edge-on-path" : undefined,
        }
      }),
    [layout, highlight, text, labels],
  )

  // Open on the current step at full size (text as legible as in the path view); the toolbar
  // zooms out to the whole chart on demand.
  const { fitView } = useReactFlow()
  const focusKey = evaluation.outcome ? `o:${evaluation.outcome.node.id}` : evaluation.nextQuestion ? `q:${evaluation.nextQuestion.node.id}` : ""
  useEffect(() => {
    const q = evaluation.nextQuestion?.node
    const ids = q ? [`q:${q.id}`, ...q.answers.map((a) => `a:${q.id}:${a.id}`)] : focusKey ? [focusKey] : []
    if (ids.length === 0) return
    const id = window.setTimeout(() => {
      void fitView({ nodes: ids.map((x) => ({ id: x })), padding: 0.1, minZoom: 1, maxZoom: 1, duration: 250 })
    }, 30)
    return () => window.clearTimeout(id)
    // Re-fit only when the step changes, not on every evaluation object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, fitView])

  const ariaLabelConfig = useMemo(
    () => ({
      "node.a11yDescription.default": t("a11y.node"),
      "node.a11yDescription.keyboardDisabled": t("a11y.node"),
      "edge.a11yDescription.default": t("a11y.edge"),
      "controls.ariaLabel": t("controls.label"),
      "controls.zoomIn.ariaLabel": t("controls.zoomIn"),
      "controls.zoomOut.ariaLabel": t("controls.zoomOut"),
      "controls.fitView.ariaLabel": t("controls.fitView"),
      "controls.interactive.ariaLabel": t("controls.label"),
      "minimap.ariaLabel": t("label"),
      "handle.ariaLabel": t("a11y.handle"),
    }),
    [t],
  )

  return (
    <ReactFlow<AdvisorFlowNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      minZoom={0.05}
      maxZoom={1.5}
      defaultViewport={{ x: 0, y: 0, zoom: 1 }}
      // The wheel scrolls the page until the chart is activated (clicked or focused).
      zoomOnScroll={active}
      preventScrolling={active}
      zoomOnDoubleClick={false}
      ariaLabelConfig={ariaLabelConfig}
      proOptions={{ hideAttribution: false }}
      className="flow-contrast"
    >
      <Background gap={24} size={1} />
    </ReactFlow>
  )
}

/** Zoom buttons live above the chart (not over it), so they never cover nodes on a phone. */
function ChartToolbar({ focusIds }: { focusIds: string[] }) {
  const t = useTranslations("advisor.chart")
  const { zoomIn, zoomOut, fitView } = useReactFlow()
  const button = "rounded-md border border-[var(--border)] bg-[var(--card)] px-2.5 py-1 text-sm font-medium hover:bg-[var(--muted)] disabled:opacity-50"
  return (
    <div role="toolbar" aria-label={t("controls.label")} className="flex flex-wrap gap-2">
      <button type="button" className={button} onClick={() => void zoomIn({ duration: 150 })}>
        {t("controls.zoomIn")}
      </button>
      <button type="button" className={button} onClick={() => void zoomOut({ duration: 150 })}>
        {t("controls.zoomOut")}
      </button>
      <button type="button" className={button} onClick={() => void fitView({ padding: 0.05, minZoom: 0.05, duration: 250 })}>
        {t("controls.fitView")}
      </button>
      <button
        type="button"
        className={button}
        disabled={focusIds.length === 0}
        onClick={() => void fitView({ nodes: focusIds.map((id) => ({ id })), padding: 0.2, minZoom: 1, maxZoom: 1, duration: 250 })}
      >
        {t("controls.current")}
      </button>
    </div>
  )
}

/** The whole official chart and its continuations, zoomable; opened on demand from the path view. */
export default function WholeChart({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor.chart")
  // Activated by a click or keyboard focus inside: only then does the wheel zoom the chart.
  const [active, setActive] = useState(false)
  const frame = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!active) return
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Element) || !frame.current?.contains(e.target)) setActive(false)
    }
    document.addEventListener("pointerdown", onDown)
    return () => document.removeEventListener("pointerdown", onDown)
  }, [active])
  const labels = useMemo<Labels>(() => ({ edge: (from, to) => t("edge", { from, to }) }), [t])
  const focusIds = evaluation.nextQuestion
    ? [`q:${evaluation.nextQuestion.node.id}`]
    : evaluation.outcome
      ? [`o:${evaluation.outcome.node.id}`]
      : []
  return (
    <ReactFlowProvider>
    <div className="flex flex-col gap-2" id="advisor-whole-chart">
      <ChartToolbar focusIds={focusIds} />
      <div
        ref={frame}
        className={`h-[70vh] min-h-[420px] w-full overflow-hidden rounded-lg border bg-[var(--card)] ${active ? "border-brand ring-2 ring-brand/40" : "border-[var(--border)]"}`}
        data-testid="advisor-whole-chart"
        data-active={active}
        onPointerDown={() => setActive(true)}
        onFocus={() => setActive(true)}
        onBlur={(e) => {
          if (!(e.relatedTarget instanceof Element) || !e.currentTarget.contains(e.relatedTarget)) setActive(false)
        }}
      >
        <Chart evaluation={evaluation} active={active} labels={labels} />
      </div>
      <p className="text-xs text-[var(--muted-foreground)]">{active ? t("wheelActive") : t("wheelHint")}</p>
    </div>
    </ReactFlowProvider>
  )
}
