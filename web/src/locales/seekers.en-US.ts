import type { seekersZhCN } from './seekers.zh-CN.ts';

/** English messages of the job-seeker, application and job-fair pages. */
export const seekersEnUS: Record<keyof typeof seekersZhCN, string> = {
  'menu.seekerRegister': 'Job seeker sign-up',
  'login.seekerRegister': 'Sign up as a job seeker (mobile or e-mail)',
  'menu.seekerProfile': 'My profile',
  'menu.myApplications': 'My applications',
  'menu.applyToJob': 'Apply',
  'menu.applicants': 'Applicants',
  'menu.regionApplications': 'Applications in the region',
  'menu.jobFairs': 'Job fairs',
  'menu.campaigns': 'Recruitment campaigns',
  'error.CONTACT_REGISTERED': 'This mobile number or e-mail address is already registered: please sign in',
  'error.VERIFICATION_CODE_INVALID': 'Wrong verification code',
  'error.VERIFICATION_CODE_EXPIRED': 'The verification code has expired: please request a new one',
  'error.APPLICATION_ALREADY_SUBMITTED': 'You have already applied to this posting',
  'error.APPLICATION_TRANSITION_INVALID': 'The application cannot take this step in its current state',
};
