"use client"

// The same inline error as the prerendered starter page.
export { default } from "../../../starters/[mechanism]/error"
