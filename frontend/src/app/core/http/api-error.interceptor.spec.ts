import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NzNotificationService } from 'ng-zorro-antd/notification';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import { provideZhCnLocale } from '../i18n/bundled-locale';
import { apiErrorInterceptor } from './api-error.interceptor';

type ResponseBody = Parameters<TestRequest['flush']>[0];

interface FailureCase {
  readonly label: string;
  readonly status: number;
  readonly body: ResponseBody;
  readonly expected: string;
}

describe(apiErrorInterceptor.name, () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let notifyError: jest.Mock;

  beforeEach(() => {
    notifyError = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        { provide: NzNotificationService, useValue: { error: notifyError } },
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  /**
   * Sends one GET, answers it with the given failure, and returns what the caller received once the
   * notification (loaded on the first error) had its chance to show.
   */
  async function failWith(status: number, body: ResponseBody, context?: HttpContext): Promise<unknown> {
    let received: unknown;
    http.get('/api/departments', { context }).subscribe({ error: (error: unknown) => (received = error) });
    const request = httpMock.expectOne('/api/departments');
    if (status === 0) {
      request.error(new ProgressEvent('error'));
    } else {
      request.flush(body, { status, statusText: 'Error' });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return received;
  }

  it.each<FailureCase>([
    {
      label: 'the API message for a coded 4xx',
      status: 404,
      body: { statusCode: 404, code: 'DEPARTMENT_NOT_FOUND', message: '部门不存在' },
      expected: '部门不存在',
    },
    {
      label: 'the API message followed by the field messages for a validation failure',
      status: 400,
      body: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        errors: { year: '年度必须是整数', code: '部门编码不能为空' },
      },
      expected: '请求参数有误：年度必须是整数；部门编码不能为空',
    },
    {
      label: 'the API message for a coded 5xx',
      status: 503,
      body: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂不可用' },
      expected: '数据库暂不可用',
    },
    {
      label: 'the network text when the server cannot be reached',
      status: 0,
      body: null,
      expected: '无法连接服务器，请检查网络后重试',
    },
    {
      label: 'the server text for a 5xx without an API body (e.g. a proxy page)',
      status: 502,
      body: '<html>Bad Gateway</html>',
      expected: '服务器出错，请稍后重试',
    },
    {
      label: 'the status for a 4xx without an API body',
      status: 404,
      body: 'Cannot GET /api/departments',
      expected: '服务器返回错误（HTTP 404）',
    },
  ])('should notify $label', async ({ status, body, expected }) => {
    await failWith(status, body);

    expect(notifyError).toHaveBeenCalledTimes(1);
    expect(notifyError).toHaveBeenCalledWith('请求失败', expected, { nzKey: `api-error:${expected}` });
  });

  it('should rethrow the error so the caller can show its own error state', async () => {
    const received = await failWith(404, {
      statusCode: 404,
      code: 'DEPARTMENT_NOT_FOUND',
      message: '部门不存在',
    });

    expect(received).toBeInstanceOf(HttpErrorResponse);
    expect((received as HttpErrorResponse).status).toBe(404);
  });

  it('should stay silent when the request asks to handle its errors itself', async () => {
    const received = await failWith(
      400,
      { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数有误' },
      new HttpContext().set(SILENT_API_ERRORS, true),
    );

    expect(notifyError).not.toHaveBeenCalled();
    expect(received).toBeInstanceOf(HttpErrorResponse);
  });

  it.each([
    { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' },
    { code: 'UNAUTHORIZED', message: '请先登录' },
    { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误（再失败 4 次将锁定 15 分钟）' },
  ])('should leave a 401 $code to the auth flow and not notify', async ({ code, message }) => {
    const received = await failWith(401, { statusCode: 401, code, message });

    expect(notifyError).not.toHaveBeenCalled();
    expect((received as HttpErrorResponse).status).toBe(401);
  });

  it('should not notify when the request succeeds', () => {
    let body: unknown;
    http.get('/api/departments').subscribe((value) => (body = value));
    httpMock.expectOne('/api/departments').flush([]);

    expect(body).toEqual([]);
    expect(notifyError).not.toHaveBeenCalled();
  });
});
