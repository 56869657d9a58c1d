using FluentValidation;
using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Members.Features;

/// <summary>The personal part of a member or resident form.</summary>
public interface IPersonFields
{
    string? Name { get; }
    string? IdNumber { get; }
    Gender? Gender { get; }
    DateOnly? BirthDate { get; }
    string? Phone { get; }
    string? Address { get; }
    Education? Education { get; }
    string? Ethnicity { get; }
    Guid? OrgId { get; }
    IReadOnlyList<string>? Tags { get; }
}

/// <summary>
/// Field rules shared by members and residents. On update, a null IdNumber or Phone keeps the stored value
/// (the form shows them masked), so those are only checked when sent.
/// </summary>
public sealed class PersonFieldsValidator<T> : AbstractValidator<T> where T : IPersonFields
{
    public PersonFieldsValidator(DateOnly today, bool creating, bool phoneRequired)
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写姓名")
            .Must(n => n is null || n.Trim().Length <= 50).WithMessage("姓名不能超过50个字");
        RuleFor(x => x.Gender).NotNull().WithMessage("请选择性别");
        RuleFor(x => x.BirthDate).NotNull().WithMessage("请填写出生日期")
            .Must(d => d is null || d <= today).WithMessage("出生日期不能晚于今天");
        RuleFor(x => x.OrgId).NotNull().WithMessage("请选择所在组织");
        if (creating) RuleFor(x => x.IdNumber).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写身份证号");
        RuleFor(x => x.IdNumber).Custom((v, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(v)) return;
            if (!ChineseIdNumber.TryParse(v, today, out var id, out var error)) { ctx.AddFailure(error); return; }
            var x = ctx.InstanceToValidate;
            if (x.BirthDate is { } b && b != id.BirthDate) ctx.AddFailure("BirthDate", "出生日期与身份证号不一致");
            if (x.Gender is { } g && g != id.Gender) ctx.AddFailure("Gender", "性别与身份证号不一致");
        });
        if (creating && phoneRequired) RuleFor(x => x.Phone).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写手机号");
        RuleFor(x => x.Phone).Must(v => string.IsNullOrWhiteSpace(v) || MobileNumber.IsValid(MobileNumber.Normalize(v)))
            .WithMessage("手机号应为11位中国大陆手机号码");
        RuleFor(x => x.Address).Must(v => v is null || v.Length <= 200).WithMessage("住址不能超过200个字");
        RuleFor(x => x.Ethnicity).Must(v => v is null || v.Length <= 20).WithMessage("民族不能超过20个字");
        RuleFor(x => x.Tags).Must(t => t is null || t.Count <= 20).WithMessage("标签不能超过20个")
            .Must(t => t is null || t.All(s => s is not null && s.Trim().Length is > 0 and <= 20)).WithMessage("每个标签1到20个字");
    }
}
