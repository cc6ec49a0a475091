import { describe, expect, it } from "vitest"

import { nextChunk } from "./engine-pool"

/** The order in which `workers` equally fast workers, taking turns, claim `chunks` chunks. */
function schedule(chunks: number, workers: number, turns: number[]): number[][] {
  const claimed = new Array<boolean>(chunks).fill(false)
  const got: number[][] = Array.from({ length: workers }, () => [])
  for (const w of turns) {
    const k = nextChunk(claimed, w, workers)
    if (k === undefined) continue
    claimed[k] = true
    got[w]!.push(k)
  }
  return got
}

describe("nextChunk", () => {
  it("gives each worker the same chunks on every run while they keep pace", () => {
    const turns = Array.from({ length: 20 }, (_, i) => i % 2)
    expect(schedule(20, 2, turns)).toEqual([
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18],
      [1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
    ])
  })

  it("lets a worker that is done take the others' chunks from the end, so nothing waits for a slow one", () => {
    // Worker 1 gets one turn for every three of worker 0's.
    const turns = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? 1 : 0))
    const [fast, slow] = schedule(10, 2, turns)
    expect([...fast!, ...slow!].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(fast!.slice(0, 5)).toEqual([0, 2, 4, 6, 8])
    expect(fast!.slice(5)).toEqual([9, 7, 5])
    expect(slow).toEqual([1, 3])
  })

  it("with one worker takes every chunk, and reports when none is left", () => {
    expect(schedule(5, 1, [0, 0, 0, 0, 0, 0])).toEqual([[0, 1, 2, 3, 4]])
    expect(nextChunk([true, true], 0, 2)).toBeUndefined()
    expect(nextChunk([], 1, 2)).toBeUndefined()
  })

  it("uses a worker's own chunks only when there are more workers than it has", () => {
    // Four workers configured, two running: the running ones take the idle ones' chunks too.
    const turns = Array.from({ length: 8 }, (_, i) => i % 2)
    const [a, b] = schedule(8, 4, turns)
    expect([...a!, ...b!].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })
})
