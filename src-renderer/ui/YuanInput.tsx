import { NumberInput, type NumberInputProps } from '@mantine/core';

/** A money amount typed in 元 (two decimals, never negative); callers convert to fen. */
export function YuanInput(props: Omit<NumberInputProps, 'min' | 'decimalScale' | 'prefix' | 'hideControls'>) {
  return <NumberInput min={0} decimalScale={2} hideControls prefix="¥" {...props} />;
}
