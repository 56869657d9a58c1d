/**
 * Every feature module of the console. To plug in a new one (三会一课, 流动党员, 网格, 社区工作者 …),
 * write `src/modules/<name>/routes.ts` exporting an AppModule and add it here.
 */
import type { AppModule } from '@/shared/module'
import auth from '@/modules/auth/routes'
import dashboard from '@/modules/dashboard/routes'
import orgs from '@/modules/orgs/routes'
import regions from '@/modules/regions/routes'
import members from '@/modules/members/routes'
import people from '@/modules/people/routes'
import orglife from '@/modules/orglife/routes'
import themedDays from '@/modules/themed-days/routes'
import partyDates from '@/modules/party-dates/routes'
import mobile from '@/modules/mobile/routes'
import mobileStats from '@/modules/mobile-stats/routes'
import grid from '@/modules/grid/routes'
import gridCases from '@/modules/grid-cases/routes'
import workforce from '@/modules/workforce/routes'
import workforcePay from '@/modules/workforce-pay/routes'
import workforceRecruit from '@/modules/workforce-recruit/routes'
import workforceDev from '@/modules/workforce-dev/routes'
import workforceTalent from '@/modules/workforce-talent/routes'
import notifications from '@/modules/notifications/routes'
import users from '@/modules/users/routes'
import audit from '@/modules/audit/routes'

export const appModules: readonly AppModule[] = [auth, dashboard, orgs, regions, members, people, orglife, themedDays, partyDates, mobile, mobileStats, grid, gridCases, workforce, workforcePay, workforceRecruit, workforceDev, workforceTalent, notifications, users, audit]
