import { z } from 'zod';
import type { MessageKey } from '../i18n/index.js';
import type { Flow, FlowData, FlowName, Step } from './flow.js';
import { type ChoiceSpec, choiceStep, type TextSpec, textStep, type YesNoSpec, yesNoStep } from './steps.js';

/** The typed answers of a flow whose schema has this shape. */
export type DataOf<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape>>;

/** Step builders typed by one flow's data (grammY's form builders, for named steps). */
export interface StepKit<D extends object> {
  text<S extends string>(spec: TextSpec<D, S>): Step<D, S>;
  choice<S extends string>(spec: ChoiceSpec<D, S>): Step<D, S>;
  yesNo<S extends string>(spec: YesNoSpec<D, S>): Step<D, S>;
  /** A step written by hand (its own prompt and handle). */
  step<S extends string>(step: Step<D, S>): Step<D, S>;
}

const KIT = { text: textStep, choice: choiceStep, yesNo: yesNoStep, step: <T>(s: T) => s };

/**
 * A dialogue as a table of named steps. The compiler checks every `next()` against the step
 * names and every `ctx.data` field against the schema; the schema also reads the stored answers
 * back each turn (dates come back as Dates), so a conversation stored by an older release either
 * still fits or is restarted kindly. Keys the engine keeps (`__context`, `__pending`) pass through.
 */
export function defineFlow<Shape extends z.ZodRawShape, S extends string>(spec: {
  name: FlowName;
  first: NoInfer<S>;
  data: Shape;
  collectsData: boolean;
  taskName?: MessageKey;
  steps: (kit: StepKit<DataOf<Shape>>) => { [K in S]: Step<DataOf<Shape>, NoInfer<S>> };
}): Flow {
  const schema = z.looseObject(spec.data);
  return {
    name: spec.name,
    first: spec.first,
    collectsData: spec.collectsData,
    taskName: spec.taskName,
    // Steps typed by this flow's data, stored among every flow's: the engine hands each step
    // only data this flow's schema has read (readData), which is what the typing says.
    steps: spec.steps(KIT as StepKit<DataOf<Shape>>) as unknown as Record<string, Step>,
    readData(data: FlowData) {
      const r = schema.safeParse(data);
      return r.success ? (r.data as FlowData) : null;
    },
  };
}
