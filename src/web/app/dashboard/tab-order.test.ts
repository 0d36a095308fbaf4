import { describe, expect, it } from 'vitest';
import { dropOrder, moveId } from './tab-order';

describe('moveId', () => {
  it('moves one id left or right', () => {
    expect(moveId(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });
});

describe('dropOrder', () => {
  it('puts the dragged tab before or after the one it is dropped on', () => {
    expect(dropOrder(['a', 'b', 'c'], 'c', 'a', 'before')).toEqual(['c', 'a', 'b']);
    expect(dropOrder(['a', 'b', 'c'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a']);
    expect(dropOrder(['a', 'b', 'c'], 'a', 'b', 'after')).toEqual(['b', 'a', 'c']);
  });

  it('is null when the order would not change', () => {
    expect(dropOrder(['a', 'b', 'c'], 'a', 'b', 'before')).toBeNull();
    expect(dropOrder(['a', 'b', 'c'], 'b', 'b', 'after')).toBeNull();
    expect(dropOrder(['a', 'b'], 'x', 'b', 'after')).toBeNull();
  });
});
