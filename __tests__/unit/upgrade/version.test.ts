import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareBuilds,
  isPrereleaseBuild,
  parseBuild,
  type BuildScheme,
} from '../../../src/upgrade/version.js'

const sign = (n: number): number => Math.sign(n) || 0

/** A valid dotted build: parts with optional leading zeros, not all zero. */
const dottedParts = fc
  .array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 5 })
  .filter((ps) => ps.some((p) => p > 0n))
const zeros = fc.nat({ max: 2 }).map((n) => '0'.repeat(n))
const dotted = fc
  .tuple(dottedParts, fc.array(zeros, { minLength: 5, maxLength: 5 }))
  .map(([ps, zs]) => ps.map((p, i) => `${zs[i]}${p}`).join('.'))

/** A dotted build, sometimes with a prerelease suffix ("1.2-rc1", "3.0.beta.2", "2-RC01"). */
const label = fc.tuple(
  fc.constantFrom('rc', 'RC', 'beta', 'alpha', 'pre', 'Snapshot'),
  fc.option(fc.nat({ max: 30 }), { nil: undefined }),
  fc.constantFrom('', '.', '-', '0'),
)
const dottedMaybePre = fc
  .tuple(dotted, fc.option(fc.tuple(fc.constantFrom('-', '.'), label), { nil: undefined }))
  .map(([b, pre]) => {
    if (!pre) return b
    const [sep, [name, n, glue]] = pre
    return `${b}${sep}${name}${n === undefined ? '' : `${glue}${n}`}`
  })

const ident = fc.oneof(
  fc.nat({ max: 30 }).map(String),
  fc
    .stringMatching(/^[0-9a-zA-Z-]*[a-zA-Z-][0-9a-zA-Z-]*$/)
    .filter((s) => s.length > 0 && s.length < 8),
)
const semver = fc
  .tuple(
    fc.nat({ max: 20 }),
    fc.nat({ max: 20 }),
    fc.nat({ max: 20 }),
    fc.option(fc.array(ident, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    fc.option(fc.stringMatching(/^[0-9a-zA-Z]{1,5}$/), { nil: undefined }),
  )
  .map(
    ([a, b, c, pre, meta]) =>
      `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}${meta ? `+${meta}` : ''}`,
  )

describe('parseBuild dotted (the Delphix rule)', () => {
  it.each([
    ['1.2', '1.2'],
    ['1.0.0', '1'],
    ['01.02', '1.2'],
    ['2019.10.15', '2019.10.15'],
    ['0.1', '0.1'],
    ['12345678901234567890123.1', '12345678901234567890123.1'],
  ])('accepts %s (canonical %s)', (raw, canonical) => {
    expect(parseBuild(raw, 'dotted')).toMatchObject({ ok: true, canonical })
  })

  it.each([
    ['', 'empty'],
    ['0', 'all zeros'],
    ['0.0.00', 'all zeros'],
    ['1.', 'integers separated by periods'],
    ['.1', 'integers separated by periods'],
    ['1..2', 'integers separated by periods'],
    ['-1', 'integers separated by periods'],
    ['1.2a', 'integers separated by periods'],
    ['v1.2', 'integers separated by periods'],
    [' 1.2', 'spaces'],
    ['1.2\n', 'spaces'],
  ])('rejects %j (%s)', (raw, why) => {
    const r = parseBuild(raw, 'dotted')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain(why)
  })

  it('orders numerically: 1.10 > 1.2, 1.0.0 == 1, 2 > 1.999, 1.0.1 > 1', () => {
    expect(compareBuilds('1.10', '1.2', 'dotted')).toBe(1)
    expect(compareBuilds('1.0.0', '1', 'dotted')).toBe(0)
    expect(compareBuilds('2', '1.999', 'dotted')).toBe(1)
    expect(compareBuilds('1.0.1', '1', 'dotted')).toBe(1)
    expect(compareBuilds('01.2', '1.2', 'dotted')).toBe(0)
  })
})

describe('parseBuild semver', () => {
  it('accepts SemVer 2.0.0 and drops build metadata from the canonical form', () => {
    expect(parseBuild('1.2.3-rc.1+build.5', 'semver')).toMatchObject({
      ok: true,
      canonical: '1.2.3-rc.1',
      parts: [1, 2, 3],
    })
  })

  it.each(['1.2', 'v1.2.3', '01.2.3', '1.2.3-01', '1.2.3-', ''])('rejects %j', (raw) => {
    expect(parseBuild(raw, 'semver').ok).toBe(false)
  })

  it('follows the spec precedence example', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ]
    for (let i = 1; i < order.length; i++)
      expect(compareBuilds(order[i] as string, order[i - 1] as string, 'semver')).toBe(1)
    expect(compareBuilds('1.0.0+a', '1.0.0+b', 'semver')).toBe(0)
    expect(compareBuilds('1.10.0', '1.9.0', 'semver')).toBe(1)
  })
})

describe('build properties (fast-check)', () => {
  for (const [scheme, arb] of [
    ['dotted', dotted],
    ['dotted', dottedMaybePre],
    ['semver', semver],
  ] as [BuildScheme, fc.Arbitrary<string>][]) {
    it(`${scheme}: parses every generated build`, () => {
      fc.assert(fc.property(arb, (b) => parseBuild(b, scheme).ok))
    })

    it(`${scheme}: antisymmetric and reflexive`, () => {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          expect(sign(compareBuilds(a, b, scheme))).toBe(-sign(compareBuilds(b, a, scheme)))
          expect(compareBuilds(a, a, scheme)).toBe(0)
        }),
      )
    })

    it(`${scheme}: transitive`, () => {
      fc.assert(
        fc.property(arb, arb, arb, (a, b, c) => {
          const [x, y, z] = [a, b, c].sort((p, q) => compareBuilds(p, q, scheme))
          expect(compareBuilds(x as string, z as string, scheme)).toBeLessThanOrEqual(0)
          expect(compareBuilds(x as string, y as string, scheme)).toBeLessThanOrEqual(0)
        }),
      )
    })

    it(`${scheme}: equal exactly when canonical forms are equal`, () => {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          const pa = parseBuild(a, scheme)
          const pb = parseBuild(b, scheme)
          if (!pa.ok || !pb.ok) return false
          return (compareBuilds(a, b, scheme) === 0) === (pa.canonical === pb.canonical)
        }),
      )
    })
  }

  it('dotted: trailing zero parts and leading zeros do not change a build', () => {
    fc.assert(
      fc.property(dotted, fc.nat({ max: 3 }), (b, n) => {
        expect(compareBuilds(`${b}${'.0'.repeat(n)}`, b, 'dotted')).toBe(0)
        expect(
          compareBuilds(
            b
              .split('.')
              .map((p) => `0${p}`)
              .join('.'),
            b,
            'dotted',
          ),
        ).toBe(0)
      }),
    )
  })

  it('dotted: compares numerically, not as text or floats ("1.10" > "1.2" style)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        (major, x, y) => {
          fc.pre(x !== y)
          expect(compareBuilds(`${major}.${x}`, `${major}.${y}`, 'dotted')).toBe(x > y ? 1 : -1)
          expect(compareBuilds(`${major + 1}`, `${major}.${x}`, 'dotted')).toBe(1)
        },
      ),
    )
  })

  it('never throws on arbitrary strings and gives a reason when it rejects', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom<BuildScheme>('dotted', 'semver'),
        (s, scheme) => {
          const r = parseBuild(s, scheme)
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(0)
          expect(() => compareBuilds(s, '1.0', scheme)).not.toThrow()
        },
      ),
    )
  })

  it('sorts invalid builds before valid ones, consistently', () => {
    expect(compareBuilds('nope', '0.1', 'dotted')).toBe(-1)
    expect(compareBuilds('0.1', 'nope', 'dotted')).toBe(1)
    expect(compareBuilds('a', 'b', 'dotted')).toBe(-1)
  })
})

describe('prereleases', () => {
  it.each([
    ['2.0.0-rc1', '2-rc.1', [2]],
    ['2.0.0.RC1', '2-rc.1', [2]],
    ['2.0-rc.01', '2-rc.1', [2]],
    ['1.0-beta', '1-beta', [1]],
    ['1.0-SNAPSHOT', '1-snapshot', [1]],
    ['3.1.rc_2', '3.1-rc.2', [3, 1]],
    ['2.0-CR1', '2-rc.1', [2]],
    ['1.0-preview.3.1', '1-pre.3.1', [1]],
    ['4-dev', '4-dev', [4]],
  ])('dotted: %s is a prerelease (canonical %s)', (raw, canonical, parts) => {
    expect(parseBuild(raw, 'dotted')).toEqual({
      ok: true,
      canonical,
      parts,
      prerelease: canonical.slice(canonical.indexOf('-') + 1),
    })
    expect(isPrereleaseBuild(raw, 'dotted')).toBe(true)
  })

  it.each([
    '1.2a',
    '1.2-',
    '1.2-1',
    '0-rc1',
    'rc1',
    '1.2 -rc1',
    '1.2+rc1',
    '1.1-hotfix',
    '5.0.0.RELEASE',
    '1.2-rcx',
    '1.2rc1',
  ])('dotted: %j is not a build', (raw) => {
    expect(parseBuild(raw, 'dotted').ok).toBe(false)
    expect(isPrereleaseBuild(raw, 'dotted')).toBe(false)
  })

  it('dotted: a prerelease sorts below its release, above the one before, by word then number', () => {
    const order = [
      '1.9',
      '2.0-dev',
      '2.0-alpha',
      '2.0-beta',
      '2.0-beta2',
      '2.0-rc1',
      '2.0.0-RC2',
      '2.0-rc.10',
      '2.0-SNAPSHOT',
      '2.0',
      '2.0.1-rc1',
      '2.0.1',
    ]
    for (let i = 1; i < order.length; i++)
      expect([
        order[i - 1],
        order[i],
        compareBuilds(order[i] as string, order[i - 1] as string, 'dotted'),
      ]).toEqual([order[i - 1], order[i], 1])
    expect(compareBuilds('2.0.0-RC1', '2-rc.1', 'dotted')).toBe(0)
    expect(isPrereleaseBuild('2.0', 'dotted')).toBe(false)
  })

  it('semver: -rc1, -RC1, -beta and .rc1 are prereleases below the release, in spec order', () => {
    expect(parseBuild('2.0.0.rc1', 'semver')).toEqual({
      ok: true,
      canonical: '2.0.0-rc1',
      parts: [2, 0, 0],
      prerelease: 'rc1',
    })
    expect(parseBuild('2.0.0-RC1', 'semver')).toMatchObject({ ok: true, prerelease: 'RC1' })
    expect(compareBuilds('2.0.0-rc1', '2.0.0', 'semver')).toBe(-1)
    expect(compareBuilds('2.0.0-RC1', '2.0.0', 'semver')).toBe(-1)
    expect(compareBuilds('2.0.0-beta', '2.0.0-rc1', 'semver')).toBe(-1)
    expect(compareBuilds('2.0.0.rc1', '2.0.0-rc1', 'semver')).toBe(0)
    expect(compareBuilds('2.0.0-rc1', '1.9.9', 'semver')).toBe(1)
    // the spec compares "rc10" as text: every semver tool puts it before "rc2"
    expect(compareBuilds('2.0.0-rc10', '2.0.0-rc2', 'semver')).toBe(-1)
    expect(compareBuilds('2.0.0-rc.10', '2.0.0-rc.2', 'semver')).toBe(1)
    expect(isPrereleaseBuild('2.0.0', 'semver')).toBe(false)
    expect(isPrereleaseBuild('2.0.0-rc1', 'semver')).toBe(true)
  })

  it('semver: refuses what the semver package alone would accept', () => {
    for (const raw of ['v1.2.3', '=1.2.3', ' 1.2.3', '1.2.3 ', '99999999999999999999.0.0'])
      expect(parseBuild(raw, 'semver').ok).toBe(false)
  })
})
