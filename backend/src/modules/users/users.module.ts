import { Module } from '@nestjs/common';
import { DemoAccountsService } from './demo-accounts.service';
import { UsersRepository } from './users.repository';

@Module({
  providers: [UsersRepository, DemoAccountsService],
  exports: [UsersRepository, DemoAccountsService],
})
export class UsersModule {}
