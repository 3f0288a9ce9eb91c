import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { databaseConfig } from './config/database.config';
import { mailConfig } from './config/mail.config';
import { DatabaseConnection } from './database/data-source.options';
import { DatabaseModule } from './database/database.module';
import { generateRequestId } from './common/context/request-id';
import { RequestContextMiddleware } from './common/context/request-context.middleware';
import { RejectNulMiddleware } from './common/validation/reject-nul.middleware';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CarryForwardModule } from './modules/carry-forward/carry-forward.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { ExportsModule } from './modules/exports/exports.module';
import { GoalsModule } from './modules/goals/goals.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { LifecycleModule } from './modules/lifecycle/lifecycle.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { MonitoringFormsModule } from './modules/monitoring-forms/monitoring-forms.module';
import { RoundsModule } from './modules/monitoring/rounds.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { SelfEvaluationModule } from './modules/self-evaluation/self-evaluation.module';
import { TargetReviewModule } from './modules/target-review/target-review.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TreeEditModule } from './modules/tree-edit/tree-edit.module';
import { MonitoringRulesModule } from './modules/monitoring-rules/monitoring-rules.module';
import { RuleSettingsModule } from './modules/monitoring-rules/rule-settings.module';

export interface AppModuleOptions {
  connection: DatabaseConnection;
  /** Built Angular app served at `/`; absent → API only. */
  frontendDist?: string;
  logLevel?: string;
  prettyLogs?: boolean;
}

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, RejectNulMiddleware).forRoutes('*');
  }

  static forRoot(options: AppModuleOptions): DynamicModule {
    const serveFrontend =
      options.frontendDist && existsSync(join(options.frontendDist, 'index.html'))
        ? [ServeStaticModule.forRoot({ rootPath: options.frontendDist, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          load: [appConfig, databaseConfig, authConfig, mailConfig],
          ignoreEnvFile: true,
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.logLevel ?? 'info',
            genReqId: generateRequestId,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            // Readable lines for people in development; JSON lines for log shippers in production.
            ...(options.prettyLogs
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: { singleLine: true, ignore: 'pid,hostname,req,res' },
                  },
                }
              : {}),
          },
        }),
        DatabaseModule.forRoot(options.connection),
        ...serveFrontend,
        AuditModule,
        AuthModule,
        HealthModule,
        DepartmentsModule,
        ImportsModule,
        MonitoringModule,
        ProjectsModule,
        DashboardModule,
        TasksModule,
        NotificationsModule,
        GoalsModule,
        LifecycleModule,
        TargetReviewModule,
        CarryForwardModule,
        TreeEditModule,
        RuleSettingsModule,
        MonitoringRulesModule,
        // Before SelfEvaluationModule: its `:year` route would otherwise take "2025.xlsx".
        ExportsModule,
        MonitoringFormsModule,
        RoundsModule,
        SelfEvaluationModule,
      ],
    };
  }
}
