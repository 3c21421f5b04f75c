import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../src-shared/contract';
import { exportCustomerOf, exportCustomerState } from './personalDataExport';

const customer: CustomerSummary = { id: 7, customerNo: 'C202611260001', name: '杭州西溪花园物业', kind: 'company', phone: null, province: null, contacts: [] };

describe('the personal data export from the 360 page', () => {
  it('carries the customer to the data page and reads it back', () => {
    expect(exportCustomerOf(exportCustomerState(customer))).toEqual(customer);
  });

  it('reads nothing from any other state', () => {
    expect(exportCustomerOf(null)).toBeNull();
    expect(exportCustomerOf(undefined)).toBeNull();
    expect(exportCustomerOf('C202611260001')).toBeNull();
    expect(exportCustomerOf({ from: '/customers/7' })).toBeNull();
    expect(exportCustomerOf({ exportCustomer: null })).toBeNull();
    expect(exportCustomerOf({ exportCustomer: { id: '7', name: 'x', customerNo: 'C1' } })).toBeNull();
    expect(exportCustomerOf({ exportCustomer: { id: 7, name: 'x' } })).toBeNull();
  });
});
