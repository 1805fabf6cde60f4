// The base module: partners, companies, users, groups, access control, external ids,
// attachments, sequences, menus, actions and views, with the data every database starts with.
import { defineModule } from '../../src/orm/define';
import irActionsActWindow from './ir_actions_act_window';
import irActionsActions from './ir_actions_actions';
import irActionsReport from './ir_actions_report';
import irActionsReportXml from './ir_actions_report_xml';
import irAttachment from './ir_attachment';
import irModel from './ir_model';
import irModelAccess from './ir_model_access';
import irModelData from './ir_model_data';
import irModelFields from './ir_model_fields';
import irModuleCategory from './ir_module_category';
import irModuleModule from './ir_module_module';
import irModuleModuleDependency from './ir_module_module_dependency';
import irRule from './ir_rule';
import irSequence from './ir_sequence';
import irUiMenu from './ir_ui_menu';
import irUiView from './ir_ui_view';
import irUiViewSc from './ir_ui_view_sc';
import irValues from './ir_values';
import resCompany from './res_company';
import resCountry from './res_country';
import resGroups from './res_groups';
import resLang from './res_lang';
import resPartner from './res_partner';
import resPartnerCategory from './res_partner_category';
import resUsers from './res_users';
import { accessData, ruleData } from './data/access';
import { countryData } from './data/countries';
import { langData } from './data/langs';
import { categoryData, groupData } from './data/groups';
import { actionData, menuData, viewData } from './data/menus';
import { BASE_TERMS } from './data/terms';
import { adminData, companyData } from './data/users';

export default defineModule({
  name: 'base',
  description: 'The kernel of OpenERP, needed for all installation.',
  depends: [],
  terms: BASE_TERMS,
  models: [
    resCountry, resPartnerCategory, resPartner, resCompany, resUsers, resGroups, irModuleCategory,
    irModel, irModelFields, irModelData, irModelAccess, irRule, irAttachment, irSequence,
    irModuleModule, irModuleModuleDependency, irUiMenu, irActionsActions, irActionsActWindow,
    irActionsReportXml, irActionsReport,
    irUiView, irUiViewSc, irValues, resLang,
  ],
  data: [
    ...categoryData, ...groupData, ...companyData, ...viewData, ...actionData, ...adminData,
    ...accessData, ...ruleData, ...menuData, ...langData, ...countryData,
  ],
});
