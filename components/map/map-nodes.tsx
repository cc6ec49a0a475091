"use client"

// The node types React Flow renders: the views of map-node-views.tsx inside the connection
// handles edges attach to (fixed positions, see handleSpecs).
import { Handle, type NodeProps } from "@xyflow/react"
import { memo } from "react"

import { handleSpecs, type ComponentNode, type PointNode, type StageNode } from "./map-graph"
import { ComponentNodeView, PointNodeView, StageNodeView } from "./map-node-views"

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

export const MAP_NODE_TYPES = {
  point: memo(function PointFlowNode({ data, width, height }: NodeProps<PointNode>) {
    return (
      <>
        <Handles width={width} height={height} />
        <PointNodeView data={data} />
      </>
    )
  }),
  component: memo(function ComponentFlowNode({ data, width, height }: NodeProps<ComponentNode>) {
    return (
      <>
        <Handles width={width} height={height} />
        <ComponentNodeView data={data} />
      </>
    )
  }),
  stage: memo(function StageFlowNode({ data, width, height }: NodeProps<StageNode>) {
    return (
      <>
        <Handles width={width} height={height} />
        <StageNodeView data={data} />
      </>
    )
  }),
}
