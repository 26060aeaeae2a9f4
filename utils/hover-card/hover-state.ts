/**
 * When the hover card opens and closes: a pure state machine. The page glue turns DOM events into
 * `HoverEvent`s, runs the one timer this asks for, and renders `state.visible`. Anchors are opaque
 * (the glue uses the mark elements; tests use strings) and compared with ===.
 *
 * What it guarantees (WCAG 2.2 SC 1.4.13, and Page Previews' behaviour):
 * - a pointer must rest on a term (timer 'open') before its card shows; passing over opens nothing;
 * - the card stays while the pointer is on the term or on the card, and for a grace period (timer
 *   'close') after it leaves both, so the pointer can travel from the term into the card;
 * - keyboard focus on a term shows its card at once and keeps it until focus leaves term and card;
 * - Escape hides it, and it stays hidden until the pointer leaves that term or focus returns;
 * - one card at a time: another term's card replaces it.
 */

export type HoverEvent<A> =
  | { type: 'pointer-enter-term'; anchor: A }
  | { type: 'pointer-leave-term'; anchor: A }
  | { type: 'pointer-enter-card' }
  | { type: 'pointer-leave-card' }
  /** Keyboard focus arrived on a term. (Focus moving between a term and its card is not an event.) */
  | { type: 'focus'; anchor: A }
  /** Focus left both the term and its card. */
  | { type: 'blur' }
  | { type: 'escape' }
  | { type: 'timer-fired'; timer: TimerKind };

export type TimerKind = 'open' | 'close';

/** What the glue does with its single timer slot: start one (replacing any running timer), cancel it, or leave it alone. */
export type TimerCommand = { start: TimerKind } | 'cancel' | 'keep';

export interface HoverState<A> {
  /** The term whose card is shown, or null. */
  visible: A | null;
  /** The term the pointer rests on while the 'open' timer runs. */
  pending: A | null;
  /** The term under the pointer, if any. */
  pointerOnTerm: A | null;
  pointerOnCard: boolean;
  /** Keyboard focus is on the visible term or inside its card. */
  focusWithin: boolean;
  /** Escape was pressed while the pointer was on this term: do not reopen until the pointer leaves it. */
  dismissed: A | null;
}

export interface HoverTransition<A> {
  state: HoverState<A>;
  timer: TimerCommand;
}

export function initialHoverState<A>(): HoverState<A> {
  return {
    visible: null,
    pending: null,
    pointerOnTerm: null,
    pointerOnCard: false,
    focusWithin: false,
    dismissed: null,
  };
}

export function hoverReducer<A>(state: HoverState<A>, event: HoverEvent<A>): HoverTransition<A> {
  switch (event.type) {
    case 'pointer-enter-term': {
      const next = { ...state, pointerOnTerm: event.anchor };
      if (state.dismissed === event.anchor) return { state: next, timer: 'keep' };
      if (state.visible === event.anchor) return { state: { ...next, pending: null }, timer: 'cancel' };
      // Another card may still be showing: it stays until this term's dwell completes, then switches.
      return { state: { ...next, pending: event.anchor }, timer: { start: 'open' } };
    }

    case 'pointer-leave-term': {
      if (state.pointerOnTerm !== event.anchor) return { state, timer: 'keep' };
      const next: HoverState<A> = {
        ...state,
        pointerOnTerm: null,
        pending: state.pending === event.anchor ? null : state.pending,
        dismissed: state.dismissed === event.anchor ? null : state.dismissed,
      };
      return { state: next, timer: closeTimerIfUnheld(next) };
    }

    case 'pointer-enter-card': {
      if (state.visible === null) return { state, timer: 'keep' };
      return { state: { ...state, pointerOnCard: true, pending: null }, timer: 'cancel' };
    }

    case 'pointer-leave-card': {
      if (!state.pointerOnCard) return { state, timer: 'keep' };
      const next = { ...state, pointerOnCard: false };
      // The pointer may have left the card straight onto another term: that term's dwell is running.
      if (next.pending !== null) return { state: next, timer: 'keep' };
      return { state: next, timer: closeTimerIfUnheld(next) };
    }

    case 'focus':
      return {
        state: {
          ...state,
          visible: event.anchor,
          pending: null,
          focusWithin: true,
          dismissed: null,
          pointerOnCard: state.visible === event.anchor ? state.pointerOnCard : false,
        },
        timer: 'cancel',
      };

    case 'blur': {
      if (!state.focusWithin) return { state, timer: 'keep' };
      const next = { ...state, focusWithin: false };
      if (isHeldByPointer(next)) return { state: next, timer: 'keep' };
      if (next.pending !== null) return { state: { ...next, visible: null }, timer: 'keep' };
      return { state: { ...next, visible: null, pointerOnCard: false }, timer: 'cancel' };
    }

    case 'escape': {
      if (state.visible === null && state.pending === null) return { state, timer: 'keep' };
      return {
        state: {
          ...state,
          visible: null,
          pending: null,
          pointerOnCard: false,
          focusWithin: false,
          dismissed: state.pointerOnTerm,
        },
        timer: 'cancel',
      };
    }

    case 'timer-fired': {
      if (event.timer === 'open') {
        if (state.pending === null) return { state, timer: 'keep' };
        return {
          state: {
            ...state,
            visible: state.pending,
            pending: null,
            pointerOnCard: false,
            focusWithin: false,
          },
          timer: 'keep',
        };
      }
      if (state.visible === null || isHeld(state) || state.pending !== null) {
        return { state, timer: 'keep' };
      }
      return { state: { ...state, visible: null, pointerOnCard: false }, timer: 'keep' };
    }
  }
}

function isHeldByPointer<A>(state: HoverState<A>): boolean {
  return state.pointerOnCard || (state.visible !== null && state.pointerOnTerm === state.visible);
}

function isHeld<A>(state: HoverState<A>): boolean {
  return state.focusWithin || isHeldByPointer(state);
}

/** After the pointer leaves something: start the grace period if a card is showing and nothing holds it; otherwise no timer is needed. */
function closeTimerIfUnheld<A>(state: HoverState<A>): TimerCommand {
  if (state.visible === null) return 'cancel';
  if (isHeld(state)) return 'keep';
  return { start: 'close' };
}
