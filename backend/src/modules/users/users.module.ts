import { Module } from '@nestjs/common';
import { DemoAccountsService } from './demo-accounts.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, DemoAccountsService, UsersService],
  exports: [UsersRepository, DemoAccountsService],
})
export class UsersModule {}
