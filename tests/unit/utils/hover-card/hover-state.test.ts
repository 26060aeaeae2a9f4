import { describe, expect, it } from 'vitest';
import {
  hoverReducer,
  initialHoverState,
  type HoverEvent,
  type HoverState,
  type TimerCommand,
} from '@/utils/hover-card/hover-state';

type E = HoverEvent<string>;
const enter = (anchor: string): E => ({ type: 'pointer-enter-term', anchor });
const leave = (anchor: string): E => ({ type: 'pointer-leave-term', anchor });
const enterCard: E = { type: 'pointer-enter-card' };
const leaveCard: E = { type: 'pointer-leave-card' };
const focus = (anchor: string): E => ({ type: 'focus', anchor });
const blur: E = { type: 'blur' };
const escape: E = { type: 'escape' };
const opened: E = { type: 'timer-fired', timer: 'open' };
const closed: E = { type: 'timer-fired', timer: 'close' };

/** Feeds events in order; returns the final state and the timer command of the last event. */
function run(events: E[]): { state: HoverState<string>; timer: TimerCommand } {
  let state = initialHoverState<string>();
  let timer: TimerCommand = 'keep';
  for (const event of events) ({ state, timer } = hoverReducer(state, event));
  return { state, timer };
}

describe('hover card state', () => {
  it.each<{ name: string; events: E[]; visible: string | null; timer: TimerCommand }>([
    // Opening with the pointer
    { name: 'resting on a term starts the dwell timer without showing a card yet', events: [enter('upi')], visible: null, timer: { start: 'open' } },
    { name: 'the card shows when the dwell timer fires', events: [enter('upi'), opened], visible: 'upi', timer: 'keep' },
    { name: 'passing over a term quickly cancels its dwell and shows nothing', events: [enter('upi'), leave('upi')], visible: null, timer: 'cancel' },
    { name: 'a stale dwell timer after passing over shows nothing', events: [enter('upi'), leave('upi'), opened], visible: null, timer: 'keep' },

    // Staying open (hoverable, persistent)
    { name: 'leaving the term starts the grace period, the card still shown', events: [enter('upi'), opened, leave('upi')], visible: 'upi', timer: { start: 'close' } },
    { name: 'moving from the term into the card cancels the grace period', events: [enter('upi'), opened, leave('upi'), enterCard], visible: 'upi', timer: 'cancel' },
    { name: 'the card stays while the pointer is on it, even if a close timer fires', events: [enter('upi'), opened, leave('upi'), enterCard, closed], visible: 'upi', timer: 'keep' },
    { name: 'leaving the card starts the grace period', events: [enter('upi'), opened, leave('upi'), enterCard, leaveCard], visible: 'upi', timer: { start: 'close' } },
    { name: 'the card closes when the grace period ends', events: [enter('upi'), opened, leave('upi'), enterCard, leaveCard, closed], visible: null, timer: 'keep' },
    { name: 'going back from the card to its term keeps it open', events: [enter('upi'), opened, leave('upi'), enterCard, leaveCard, enter('upi')], visible: 'upi', timer: 'cancel' },
    { name: 'returning to the term within the grace period keeps it open', events: [enter('upi'), opened, leave('upi'), enter('upi'), closed], visible: 'upi', timer: 'keep' },

    // One card at a time; switching
    { name: 'resting on another term keeps the current card until the new dwell completes', events: [enter('upi'), opened, leave('upi'), enter('npci')], visible: 'upi', timer: { start: 'open' } },
    { name: 'another term’s card replaces the current one after its dwell', events: [enter('upi'), opened, leave('upi'), enter('npci'), opened], visible: 'npci', timer: 'keep' },
    { name: 'passing over another term on the way out still closes the card after the grace period', events: [enter('upi'), opened, leave('upi'), enter('npci'), leave('npci')], visible: 'upi', timer: { start: 'close' } },
    { name: 'going from the card straight onto another term switches after its dwell', events: [enter('upi'), opened, leave('upi'), enterCard, leaveCard, enter('npci'), opened], visible: 'npci', timer: 'keep' },

    // Escape (dismissible)
    { name: 'Escape closes the card at once and cancels timers', events: [enter('upi'), opened, escape], visible: null, timer: 'cancel' },
    { name: 'Escape cancels a card that is about to open', events: [enter('upi'), escape, opened], visible: null, timer: 'keep' },
    { name: 'after Escape, the card stays closed while the pointer stays on the term', events: [enter('upi'), opened, escape, enter('upi'), opened], visible: null, timer: 'keep' },
    { name: 'after Escape, leaving and re-entering the term opens it again after the dwell', events: [enter('upi'), opened, escape, leave('upi'), enter('upi'), opened], visible: 'upi', timer: 'keep' },
    { name: 'Escape with no card does nothing', events: [escape], visible: null, timer: 'keep' },

    // Keyboard
    { name: 'focusing a term shows its card at once', events: [focus('upi')], visible: 'upi', timer: 'cancel' },
    { name: 'a focused term keeps its card when the pointer passes over and away', events: [focus('upi'), enter('upi'), leave('upi'), closed], visible: 'upi', timer: 'keep' },
    { name: 'focus leaving both term and card closes the card at once', events: [focus('upi'), blur], visible: null, timer: 'cancel' },
    { name: 'blur leaves the card open while the pointer is on it', events: [focus('upi'), enterCard, blur], visible: 'upi', timer: 'keep' },
    { name: 'Escape closes a keyboard-opened card', events: [focus('upi'), escape], visible: null, timer: 'cancel' },
    { name: 'focus returning to the term after Escape shows the card again', events: [focus('upi'), escape, blur, focus('upi')], visible: 'upi', timer: 'cancel' },
    { name: 'focusing another term switches the card at once', events: [focus('upi'), focus('npci')], visible: 'npci', timer: 'cancel' },
    { name: 'focus cancels a pending pointer dwell on another term', events: [enter('npci'), focus('upi'), opened], visible: 'upi', timer: 'keep' },
  ])('$name', ({ events, visible, timer }) => {
    const result = run(events);
    expect(result.state.visible).toBe(visible);
    expect(result.timer).toEqual(timer);
  });

  it('never shows more than one card: the state holds a single visible term', () => {
    const { state } = run([focus('upi'), enter('npci'), opened, enter('aadhaar'), opened]);
    expect(state.visible).toBe('aadhaar');
    expect(state.pending).toBeNull();
  });

  it('does not change state for a leave event from a term the pointer was not on', () => {
    const before = run([enter('upi'), opened]).state;
    expect(hoverReducer(before, leave('npci'))).toEqual({ state: before, timer: 'keep' });
  });
});
