DROP INDEX `queue_open`;--> statement-breakpoint
CREATE INDEX `queue_priority` ON `queue_items` (`status`,`community_id`,"urgent" desc,"risk" desc,`created_at`);--> statement-breakpoint
CREATE INDEX `queue_oldest` ON `queue_items` (`status`,`community_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_sealed` ON `messages` (`created_at`) WHERE "messages"."original_enc" is not null;