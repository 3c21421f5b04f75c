import { createTheme } from '@mantine/core';

const fonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", Roboto, Helvetica, Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: fonts,
  headings: { fontFamily: fonts },
  defaultRadius: 'sm',
});
