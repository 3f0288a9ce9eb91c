import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { loginUrlTree, safeReturnUrl } from './login-url';

describe(safeReturnUrl.name, () => {
  it.each([
    { raw: '/projects?department=031&year=2025', expected: '/projects?department=031&year=2025' },
    { raw: '/dashboard#top', expected: '/dashboard#top' },
    { raw: null, expected: '/' },
    { raw: '', expected: '/' },
    { raw: 'projects', expected: '/' },
    { raw: '//evil.example/path', expected: '/' },
    { raw: '/\\evil.example', expected: '/' },
    { raw: 'https://evil.example', expected: '/' },
    { raw: '/login?returnUrl=%2Flogin', expected: '/' },
    { raw: '/login', expected: '/' },
  ])('should answer $expected for $raw', ({ raw, expected }) => {
    expect(safeReturnUrl(raw)).toBe(expected);
  });
});

describe(loginUrlTree.name, () => {
  it.each([
    {
      returnUrl: '/projects?year=2025',
      reason: 'expired' as const,
      expected: '/login?reason=expired&returnUrl=%2Fprojects%3Fyear%3D2025',
    },
    { returnUrl: '/projects', reason: undefined, expected: '/login?returnUrl=%2Fprojects' },
    { returnUrl: '/', reason: undefined, expected: '/login' },
    { returnUrl: '/login?reason=expired', reason: 'expired' as const, expected: '/login?reason=expired' },
  ])('should build $expected', ({ returnUrl, reason, expected }) => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const router = TestBed.inject(Router);

    expect(router.serializeUrl(loginUrlTree(router, returnUrl, reason))).toBe(expected);
  });
});
