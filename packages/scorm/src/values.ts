import { issue, type IssueContext, type PackageIssue } from './issues';
import { attribute } from './namespaces';
import type { XmlElement } from './xml';

interface Range {
  min?: number;
  max?: number;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads typed attribute and element values. A value that is present but invalid is reported as a
 * `VALUE_INVALID` warning and treated as absent, so the runtime falls back to the spec default
 * instead of receiving garbage.
 */
export class ValueReader {
  constructor(
    private readonly issues: PackageIssue[],
    private readonly context: IssueContext = {},
  ) {}

  with(context: IssueContext): ValueReader {
    return new ValueReader(this.issues, { ...this.context, ...context });
  }

  string(element: XmlElement, name: string): string | undefined {
    const value = attribute(element, name)?.trim();
    return value === '' ? undefined : value;
  }

  boolean(element: XmlElement, name: string): boolean | undefined {
    const raw = this.string(element, name);
    return raw === undefined ? undefined : this.parseBoolean(raw, element, `@${name}`);
  }

  decimal(element: XmlElement, name: string, range: Range = {}): number | undefined {
    const raw = this.string(element, name);
    return raw === undefined ? undefined : this.parseDecimal(raw, element, `@${name}`, range);
  }

  integer(element: XmlElement, name: string, range: Range = {}): number | undefined {
    const raw = this.string(element, name);
    if (raw === undefined) return undefined;
    if (!/^[+-]?\d+$/.test(raw)) return this.invalid(element, `@${name}`, raw, 'an integer');
    return this.inRange(Number(raw), raw, element, `@${name}`, range);
  }

  token<T extends string>(element: XmlElement, name: string, allowed: readonly T[]): T | undefined {
    const raw = this.string(element, name);
    return raw === undefined ? undefined : this.parseToken(raw, element, `@${name}`, allowed);
  }

  /** Decimal element text such as `<imsss:minNormalizedMeasure>0.8</…>`. */
  decimalText(element: XmlElement, range: Range = {}): number | undefined {
    const raw = element.text.trim();
    return raw === '' ? undefined : this.parseDecimal(raw, element, '', range);
  }

  tokenText<T extends string>(element: XmlElement, allowed: readonly T[], normalise = (raw: string) => raw): T | undefined {
    const raw = normalise(element.text.trim());
    return raw === '' ? undefined : this.parseToken(raw, element, '', allowed);
  }

  parseBoolean(raw: string, element: XmlElement, where: string): boolean | undefined {
    const value = raw.toLowerCase();
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return this.invalid(element, where, raw, 'true or false');
  }

  private parseDecimal(raw: string, element: XmlElement, where: string, range: Range): number | undefined {
    if (!DECIMAL.test(raw)) return this.invalid(element, where, raw, 'a decimal number');
    return this.inRange(Number(raw), raw, element, where, range);
  }

  /** Enumerations are matched case-insensitively and returned in the spec's spelling. */
  private parseToken<T extends string>(raw: string, element: XmlElement, where: string, allowed: readonly T[]): T | undefined {
    const match = allowed.find((token) => token.toLowerCase() === raw.toLowerCase());
    return match ?? this.invalid(element, where, raw, `one of ${allowed.join(', ')}`);
  }

  private inRange(value: number, raw: string, element: XmlElement, where: string, { min, max }: Range): number | undefined {
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      return this.invalid(element, where, raw, `a number ${bounds}`);
    }
    return value;
  }

  private invalid(element: XmlElement, where: string, raw: string, expected: string): undefined {
    const name = element.prefix ? `${element.prefix}:${element.name}` : element.name;
    const owner = this.context.itemId ?? this.context.resourceId;
    this.issues.push(
      issue('VALUE_INVALID', `${owner ? `${owner}: ` : ''}<${name}>${where} is "${raw}", expected ${expected}; the value is ignored`, {
        ...this.context,
        line: element.line,
        details: { element: name, attribute: where.startsWith('@') ? where.slice(1) : null, value: raw },
      }),
    );
    return undefined;
  }
}

/** Drops `undefined` properties so stored JSON only holds what the manifest said. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
