import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

/** A refresh token already exchanged: presented again, it ends its session (token theft is assumed). */
@Entity('refresh_token_rotations')
export class RefreshTokenRotation {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_refresh_token_rotations' })
  tokenHash: string;

  @Index('ix_refresh_token_rotations_session')
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => RefreshToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_token_rotations_session' })
  session?: RefreshToken;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  rotatedAt: Date;
}
