import { describe, expect, it } from 'vitest'
import { throttlingFor } from '../../../src/github/client.js'

describe('throttlingFor', () => {
  it('spaces writes for GitHub and GHES, not for a loopback API', () => {
    expect(throttlingFor('https://api.github.com')).toBe(true)
    expect(throttlingFor('https://ghe.example.com/api/v3')).toBe(true)
    expect(throttlingFor('http://127.0.0.1:4000')).toBe(false)
    expect(throttlingFor('http://localhost:4000/')).toBe(false)
    expect(throttlingFor('not a url')).toBe(true)
  })
})
