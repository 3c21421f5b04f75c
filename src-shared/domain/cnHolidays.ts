// China's statutory holidays and make-up working days (国务院办公厅 节假日安排) as published,
// in the format admins import (`date,kind,name`). Shipped with the app: at start the
// statutory calendar gains any year listed here that it does not have yet, so a release
// carrying next year's schedule brings it to every desk. Source: ../shared/data.
export const CN_STATUTORY_HOLIDAYS_CSV = `date,kind,name
2025-01-01,holiday,元旦 New Year
2025-01-26,workday,春节 Spring Festival
2025-01-28,holiday,春节 Spring Festival
2025-01-29,holiday,春节 Spring Festival
2025-01-30,holiday,春节 Spring Festival
2025-01-31,holiday,春节 Spring Festival
2025-02-01,holiday,春节 Spring Festival
2025-02-02,holiday,春节 Spring Festival
2025-02-03,holiday,春节 Spring Festival
2025-02-04,holiday,春节 Spring Festival
2025-02-08,workday,春节 Spring Festival
2025-04-04,holiday,清明节 Qingming
2025-04-05,holiday,清明节 Qingming
2025-04-06,holiday,清明节 Qingming
2025-04-27,workday,劳动节 Labour Day
2025-05-01,holiday,劳动节 Labour Day
2025-05-02,holiday,劳动节 Labour Day
2025-05-03,holiday,劳动节 Labour Day
2025-05-04,holiday,劳动节 Labour Day
2025-05-05,holiday,劳动节 Labour Day
2025-05-31,holiday,端午节 Dragon Boat
2025-06-01,holiday,端午节 Dragon Boat
2025-06-02,holiday,端午节 Dragon Boat
2025-09-28,workday,国庆节 National Day
2025-10-01,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-02,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-03,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-04,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-05,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-06,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-07,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-08,holiday,国庆节、中秋节 National Day, Mid-Autumn
2025-10-11,workday,国庆节 National Day
2026-01-01,holiday,元旦 New Year
2026-01-02,holiday,元旦 New Year
2026-01-03,holiday,元旦 New Year
2026-01-04,workday,元旦 New Year
2026-02-14,workday,春节 Spring Festival
2026-02-15,holiday,春节 Spring Festival
2026-02-16,holiday,春节 Spring Festival
2026-02-17,holiday,春节 Spring Festival
2026-02-18,holiday,春节 Spring Festival
2026-02-19,holiday,春节 Spring Festival
2026-02-20,holiday,春节 Spring Festival
2026-02-21,holiday,春节 Spring Festival
2026-02-22,holiday,春节 Spring Festival
2026-02-23,holiday,春节 Spring Festival
2026-02-28,workday,春节 Spring Festival
2026-04-04,holiday,清明节 Qingming
2026-04-05,holiday,清明节 Qingming
2026-04-06,holiday,清明节 Qingming
2026-05-01,holiday,劳动节 Labour Day
2026-05-02,holiday,劳动节 Labour Day
2026-05-03,holiday,劳动节 Labour Day
2026-05-04,holiday,劳动节 Labour Day
2026-05-05,holiday,劳动节 Labour Day
2026-05-09,workday,劳动节 Labour Day
2026-06-19,holiday,端午节 Dragon Boat
2026-06-20,holiday,端午节 Dragon Boat
2026-06-21,holiday,端午节 Dragon Boat
2026-09-20,workday,国庆节 National Day
2026-09-25,holiday,中秋节 Mid-Autumn
2026-09-26,holiday,中秋节 Mid-Autumn
2026-09-27,holiday,中秋节 Mid-Autumn
2026-10-01,holiday,国庆节 National Day
2026-10-02,holiday,国庆节 National Day
2026-10-03,holiday,国庆节 National Day
2026-10-04,holiday,国庆节 National Day
2026-10-05,holiday,国庆节 National Day
2026-10-06,holiday,国庆节 National Day
2026-10-07,holiday,国庆节 National Day
2026-10-10,workday,国庆节 National Day
`;
