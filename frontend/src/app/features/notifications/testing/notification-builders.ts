import type { AppNotification, Digest, NotificationList } from '../notifications.api';

let next = 0;

export function aNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    kind: 'report-returned',
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    year: 2025,
    period: '2025-06',
    projectId: '11111111-1111-4111-8111-111111111111',
    projectName: '职业技能培训',
    reason: '请补充培训签到表',
    dueDate: '2025-07-10',
    details: null,
    createdAt: '2025-07-12T02:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

export function aNotificationList(notifications: AppNotification[]): NotificationList {
  return { notifications, unread: notifications.filter((n) => !n.readAt).length };
}

export function aDigest(overrides: Partial<Digest> = {}): Digest {
  return {
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    year: 2025,
    period: '2025-06',
    today: '2025-07-12',
    counts: { red: 1, yellow: 0, green: 5, blue: 0, grey: 1, undetermined: 0, total: 7 },
    flagged: [],
    projectedMisses: [],
    overdue: [],
    budget: {
      budgetYuan: 1000000,
      executedYuan: 400000,
      rate: 40,
      pace: 50,
      light: 'green',
      lightReason: '预算执行进度值 80.0 介于 80 与 120 之间（绿灯）',
      explanation: '40 ÷ 50 × 100 = 80.0',
    },
    ...overrides,
  };
}
