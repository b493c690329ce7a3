import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiResponse, ItemOf } from './types.ts';

/** The plan's governance: approved data collections, the 急需紧缺 survey and catalogue, 调度, assessment, 部门会商. */

export type CollectionApproval = ItemOf<ApiResponse<'/api/v1/governance/collection-approvals'>>;
export type DataCollection = ItemOf<ApiResponse<'/api/v1/governance/collections'>>;
export type EnterpriseForm = ItemOf<ApiResponse<'/api/v1/governance/forms'>>;
export type Burden = ApiResponse<'/api/v1/governance/collections/burden'>;
export type ShortageAnswers = ApiResponse<'/api/v1/governance/collections/{id}/shortage'>;
export type ShortageReport = ShortageAnswers['items'][number];
export type ShortageCatalogue = ItemOf<ApiResponse<'/api/v1/governance/shortage-catalogues'>>;
export type ShortagePosition = ApiBody<'/api/v1/governance/forms/{id}/shortage', 'put'>['positions'][number];
export type DispatchRound = ItemOf<ApiResponse<'/api/v1/governance/dispatch-rounds'>>;
export type WeightVersion = ItemOf<ApiResponse<'/api/v1/governance/assessment/weights'>>;
export type Assessment = ItemOf<ApiResponse<'/api/v1/governance/assessments'>>;
export type Meetings = ApiResponse<'/api/v1/governance/meetings'>;
export type Meeting = Meetings['items'][number];

export const listApprovals = (): Promise<ApiResponse<'/api/v1/governance/collection-approvals'>> =>
  api.get('/governance/collection-approvals');
export const recordApproval = (body: ApiBody<'/api/v1/governance/collection-approvals'>): Promise<CollectionApproval> =>
  api.post('/governance/collection-approvals', body);
export const listCollections = (): Promise<ApiResponse<'/api/v1/governance/collections'>> =>
  api.get('/governance/collections');
export const createCollection = (body: ApiBody<'/api/v1/governance/collections'>): Promise<DataCollection> =>
  api.post('/governance/collections', body);
export const attachApproval = (id: number, approvalId: number): Promise<DataCollection> =>
  api.post(`/governance/collections/${id}/approval`, { approvalId });
export const openCollection = (id: number): Promise<DataCollection> => api.post(`/governance/collections/${id}/open`);
export const closeCollection = (id: number): Promise<DataCollection> => api.post(`/governance/collections/${id}/close`);
export const collectionBurden = (year: number): Promise<Burden> => api.get('/governance/collections/burden', { year });
export const shortageAnswers = (id: number): Promise<ShortageAnswers> =>
  api.get(`/governance/collections/${id}/shortage`);
export const listCatalogues = (): Promise<ApiResponse<'/api/v1/governance/shortage-catalogues'>> =>
  api.get('/governance/shortage-catalogues');
export const publishCatalogue = (collectionId: number, cityCode: string): Promise<ShortageCatalogue> =>
  api.post('/governance/shortage-catalogues', { collectionId, cityCode });

export const listMyForms = (): Promise<ApiResponse<'/api/v1/governance/forms'>> => api.get('/governance/forms');
export const answerForm = (id: number, answers: Record<string, string>): Promise<EnterpriseForm> =>
  api.post(`/governance/forms/${id}/answers`, { answers });
export const myShortage = (id: number): Promise<ApiResponse<'/api/v1/governance/forms/{id}/shortage'>> =>
  api.get(`/governance/forms/${id}/shortage`);
export const reportShortage = (
  id: number,
  positions: ShortagePosition[],
): Promise<ApiResponse<'/api/v1/governance/forms/{id}/shortage'>> =>
  api.put(`/governance/forms/${id}/shortage`, { positions });

export const listRounds = (): Promise<ApiResponse<'/api/v1/governance/dispatch-rounds'>> =>
  api.get('/governance/dispatch-rounds');
export const getRound = (id: number): Promise<DispatchRound> => api.get(`/governance/dispatch-rounds/${id}`);
export const openRound = (body: ApiBody<'/api/v1/governance/dispatch-rounds'>): Promise<DispatchRound> =>
  api.post('/governance/dispatch-rounds', body);
export const returnRound = (id: number, answers: Record<string, number | string | null>): Promise<DispatchRound> =>
  api.put(`/governance/dispatch-rounds/${id}/return`, { answers });
export const closeRound = (id: number): Promise<DispatchRound> => api.post(`/governance/dispatch-rounds/${id}/close`);
export const exportRound = (id: number) =>
  apiDownload(`/governance/dispatch-rounds/${id}/export`, undefined, '调度汇总.xlsx');

export const listWeights = (): Promise<ApiResponse<'/api/v1/governance/assessment/weights'>> =>
  api.get('/governance/assessment/weights');
export const changeWeights = (weights: Record<string, number>, note: string): Promise<WeightVersion> =>
  api.post('/governance/assessment/weights', { weights, note });
export const listAssessments = (): Promise<ApiResponse<'/api/v1/governance/assessments'>> =>
  api.get('/governance/assessments');
export const computeAssessment = (year: number): Promise<Assessment> => api.post('/governance/assessments', { year });
export const exportAssessment = (id: number) =>
  apiDownload(`/governance/assessments/${id}/export`, undefined, '年度考核.xlsx');

export const listMeetings = (): Promise<Meetings> => api.get('/governance/meetings');
export const recordMeeting = (body: ApiBody<'/api/v1/governance/meetings'>): Promise<Meetings> =>
  api.post('/governance/meetings', body);
export const completeAction = (id: number, note: string): Promise<Meetings> =>
  api.post(`/governance/meeting-actions/${id}/done`, { note });
