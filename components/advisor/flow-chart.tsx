"use client"

import { memo, useEffect, useMemo } from "react"
import {
  Background,
  Controls,
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

function Chart({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor.chart")
  const locale = useLocale() as Locale
  const layout = useMemo(() => chartLayout(), [])
  const highlight = useMemo(() => pathHighlight(evaluation.visited, evaluation.path), [evaluation])
  const nodes = useMemo(
    () => buildNodes(layout.nodes, evaluation, locale, highlight, (answer, question) => t("answerLabel", { answer, question })),
    [layout, evaluation, locale, highlight, t],
  )
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
          style: on ? { stroke: "#047857", strokeWidth: 3 } : { stroke: "#9ca3af", strokeWidth: 1 },
          zIndex: on ? 1 : 0,
          className: on ? "advisor-edge-on-path" : undefined,
        }
      }),
    [layout, highlight],
  )

  // Follow the path: fit the current question and its answers (or the outcome) into view.
  const { fitView } = useReactFlow()
  const focusKey = evaluation.outcome ? `o:${evaluation.outcome.node.id}` : evaluation.nextQuestion ? `q:${evaluation.nextQuestion.node.id}` : ""
  useEffect(() => {
    const q = evaluation.nextQuestion?.node
    // At the outcome, show the whole answered path.
    const ids = q ? [`q:${q.id}`, ...q.answers.map((a) => `a:${q.id}:${a.id}`)] : [...highlight.nodeIds]
    if (ids.length === 0) return
    const id = window.setTimeout(() => {
      // A whole path can be tall, so allow zooming far out for it; a single step stays readable.
      void fitView({ nodes: ids.map((x) => ({ id: x })), padding: 0.1, maxZoom: 1, minZoom: q ? 0.3 : 0.05, duration: 250 })
    }, 30)
    return () => window.clearTimeout(id)
    // Re-fit only when the step changes, not on every evaluation object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, fitView])

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
      defaultViewport={{ x: 0, y: 0, zoom: 0.9 }}
      proOptions={{ hideAttribution: false }}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}

export function FlowChart({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor.chart")
  return (
    <section aria-labelledby="advisor-chart-heading" className="flex flex-col gap-2">
      <h2 id="advisor-chart-heading" className="text-lg font-semibold">
        {t("label")}
      </h2>
      <p className="text-sm text-[var(--muted-foreground)]">{t("hint")}</p>
      <div className="h-[70vh] min-h-[480px] w-full overflow-hidden rounded-lg border border-[var(--border)] bg-[var(--card)]" data-testid="advisor-chart">
        <ReactFlowProvider>
          <Chart evaluation={evaluation} />
        </ReactFlowProvider>
      </div>
    </section>
  )
}
